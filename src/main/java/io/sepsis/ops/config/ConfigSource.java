package io.sepsis.ops.config;

import java.io.IOException;
import java.util.Optional;

/**
 * Where one reloadable configuration comes from: a local file (with the packaged default behind it) or an object in
 * S3 shared by every instance. A source only reads bytes; validation is the parser's job.
 */
public interface ConfigSource {

    /** What the source is, for logs and health details (a path or {@code s3://bucket/key}); never a secret. */
    String location();

    /** Reads the whole configuration as it is now. */
    Fetched fetch() throws IOException;

    /** Whether {@link #peekTag} can tell cheaply that the source changed, so that polling it makes sense. */
    default boolean polled() {
        return false;
    }

    /**
     * The version tag the source has now (S3: the object's ETag), without reading the content; empty when the source
     * cannot tell.
     */
    default Optional<String> peekTag() throws IOException {
        return Optional.empty();
    }

    /**
     * The bytes read, the name shown as the snapshot's {@code source}, and the version tag they were read at (null
     * when the source has none).
     */
    /** A failure whose message is safe to show in logs, health details and 422 answers (no content, no secret). */
    final class Unreadable extends IOException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Fetched(String name, byte[] bytes, String tag) {
    }
}
