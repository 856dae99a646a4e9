package io.sepsis.ops.config;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration object in S3, shared by every instance of the service. Polled with {@code HeadObject}: only a new
 * ETag costs a {@code GetObject}. Objects over {@value #MAX_BYTES} bytes are refused unread (a configuration file is a
 * few kB; anything larger is a mistake, not a configuration).
 */
public final class S3ConfigSource implements ConfigSource {
    static final int MAX_BYTES = 1 << 20;
    private static final Pattern URI = Pattern.compile("s3://([a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9])/(.+)");

    /** Bucket and key of an {@code s3://bucket/key} URI. */
    public record Location(String bucket, String key) {
        public static Location parse(String uri) {
            Matcher m = URI.matcher(uri == null ? "" : uri.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not an s3://bucket/key URI (" + uri + ")");
            }
            return new Location(m.group(1), m.group(2));
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }

    private final Supplier<S3Client> client;
    private final Location location;

    /** @param client supplied lazily: the client is built only when the source is first read */
    public S3ConfigSource(Supplier<S3Client> client, Location location) {
        this.client = client;
        this.location = location;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public boolean polled() {
        return true;
    }

    @Override
    public Optional<String> peekTag() throws IOException {
        try {
            return Optional.ofNullable(client.get().headObject(b -> b.bucket(location.bucket()).key(location.key()))
                    .eTag());
        } catch (SdkException e) {
            throw failure("HeadObject", e);
        }
    }

    @Override
    public Fetched fetch() throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = client.get().getObject(
                b -> b.bucket(location.bucket()).key(location.key()))) {
            GetObjectResponse meta = in.response();
            if (meta.contentLength() != null && meta.contentLength() > MAX_BYTES) {
                throw new Unreadable("object is " + meta.contentLength() + " bytes, over the " + MAX_BYTES
                        + "-byte limit", null);
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Unreadable("object is over the " + MAX_BYTES + "-byte limit", null);
            }
            String tag = meta.eTag();
            return new Fetched(location + (tag == null ? "" : " (ETag " + tag + ")"), bytes, tag);
        } catch (SdkException e) {
            throw failure("GetObject", e);
        }
    }

    /** The S3 error code and status only: messages from a proxy could echo anything. */
    private Unreadable failure(String operation, SdkException e) {
        String why;
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            why = "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
        } else {
            why = e.getClass().getSimpleName();
        }
        return new Unreadable(operation + " " + location + " failed (" + why + ")", e);
    }
}
