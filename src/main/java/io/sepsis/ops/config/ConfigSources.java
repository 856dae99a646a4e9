package io.sepsis.ops.config;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses where each reloadable configuration comes from: an {@code s3://bucket/key} URI if one is set (shared by
 * every instance, polled), else the local file chain of {@link LocalConfigSource}. The S3 client (Quarkus
 * {@code quarkus-amazon-s3}, settings {@code quarkus.s3.*}) is built only when an S3 source is first read, so a
 * service without S3 needs no AWS region or credentials.
 */
@Singleton
public class ConfigSources {
    private static final Logger LOG = Logger.getLogger(ConfigSources.class);

    private final Supplier<S3Client> s3;

    @Inject
    public ConfigSources(Instance<S3Client> s3) {
        this(() -> s3.get());
    }

    public ConfigSources(Supplier<S3Client> s3) {
        this.s3 = s3;
    }

    /** Local files only (tests, the offline scorer). */
    public static ConfigSources localOnly() {
        return new ConfigSources(() -> {
            throw new IllegalStateException("no S3 client here");
        });
    }

    /**
     * @param s3Uri          {@code s3://bucket/key}; when set it wins over the path, and a malformed one leaves the
     *                       configuration unreadable (not ready, with the reason) rather than silently local
     * @param configuredPath a local file that must exist
     */
    public ConfigSource choose(String what, Optional<String> s3Uri, Optional<String> configuredPath, String defaultFile,
                               String packaged) {
        Optional<String> uri = s3Uri.filter(s -> !s.isBlank());
        if (uri.isEmpty()) {
            return new LocalConfigSource(configuredPath, defaultFile, packaged);
        }
        if (configuredPath.filter(s -> !s.isBlank()).isPresent()) {
            LOG.warnf("%s: both an S3 URI and a local path are set; the S3 object is used", what);
        }
        try {
            return new S3ConfigSource(s3, S3ConfigSource.Location.parse(uri.get()));
        } catch (IllegalArgumentException e) {
            return new Misconfigured(e.getMessage());
        }
    }

    /** A source that cannot be read, saying why: the component stays not ready and /health names the reason. */
    private record Misconfigured(String reason) implements ConfigSource {
        @Override
        public String location() {
            return "(misconfigured)";
        }

        @Override
        public Fetched fetch() throws Unreadable {
            throw new Unreadable(reason, null);
        }
    }
}
