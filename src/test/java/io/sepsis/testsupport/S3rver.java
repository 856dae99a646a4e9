package io.sepsis.testsupport;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real S3-compatible server on 127.0.0.1: the npm package {@code s3rver} (pinned in {@code src/test/s3rver}), run
 * with the machine's Node.js. The first use installs it ({@code npm ci}) when {@code node_modules} is missing, so
 * {@code mvn test} on a fresh clone needs only node and npm. Data lives in a temporary directory; {@link #stop()} and
 * {@link #start()} on the same port simulate an outage.
 */
public final class S3rver implements AutoCloseable {
    /** s3rver's own fixed, public test credentials. */
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    private static final Path HOME = Path.of("src/test/s3rver");

    private final String bucket;
    private final Path data;
    private final int port;
    private Process process;

    private S3rver(String bucket, Path data, int port) {
        this.bucket = bucket;
        this.data = data;
        this.port = port;
    }

    /** Installs if needed and starts a server with {@code bucket} created. */
    public static S3rver start(String bucket) throws IOException, InterruptedException {
        install();
        S3rver s = new S3rver(bucket, Files.createTempDirectory("s3rver"), freePort());
        s.start();
        return s;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        process = new ProcessBuilder("node", HOME.resolve("node_modules/s3rver/bin/s3rver.js").toString(),
                "-d", data.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-s",
                "--configure-bucket", bucket)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3rver exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("s3rver did not listen on " + port + " within 30 s");
    }

    /** Stops the server; the data stays for a later {@link #start()}. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String bucket() {
        return bucket;
    }

    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** A new client, as a separate service instance would have. */
    public S3Client newClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public void put(String key, String content) {
        try (S3Client s3 = newClient()) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
        }
    }

    public void delete(String key) {
        try (S3Client s3 = newClient()) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        }
    }

    /**
     * {@code S3rver put ENDPOINT BUCKET KEY FILE}: uploads one file with s3rver's test credentials (used by
     * {@code bench/config-rollout.sh}, which has no AWS CLI).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5 || !args[0].equals("put")) {
            System.err.println("usage: S3rver put ENDPOINT BUCKET KEY FILE");
            System.exit(2);
        }
        S3rver target = new S3rver(args[2], null, URI.create(args[1]).getPort());
        target.put(args[3], Files.readString(Path.of(args[4])));
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (Files.isRegularFile(HOME.resolve("node_modules/s3rver/bin/s3rver.js"))) {
            return;
        }
        // Not inheritIO(): npm would share the forked test JVM's stdin, Surefire's command pipe, and make it
        // non-blocking; Surefire then fails the build with "std/in stream corrupted" (on every fresh clone).
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"))
                .directory(HOME.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (npm.waitFor() != 0) {
            throw new IllegalStateException("npm ci in " + HOME + " failed (exit " + npm.exitValue() + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
