package io.sepsis.genai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.LlmAnswers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure OpenAI is only ever reached over TLS, so the client is tested over TLS too: WireMock serving HTTPS with a
 * certificate made for this test (keytool, {@code CN=localhost}). The client's transport takes the JVM's default
 * trust, as in production: with the test certificate trusted the call succeeds and the key travels inside TLS; with
 * the JVM's own trust store the handshake is refused, nothing is sent, and the failure is reported as the provider
 * being unreachable, naming the TLS failure (not a server error).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureOpenAiTlsTest {

    private static final String PASSWORD = "test-only-store-password";
    private static final String KEY = "test-azure-key-not-real";
    private static final String DEPLOYMENT = "gpt-4o-sepsis";
    private static final String PATH = "/openai/deployments/" + DEPLOYMENT + "/chat/completions";

    private WireMockServer wm;
    private SSLContext trustingTestCertificate;

    @BeforeAll
    void startHttpsFake(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + keytoolOutput);

        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("test-server", server.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trustingTestCertificate = SSLContext.getInstance("TLS");
        trustingTestCertificate.init(null, tmf.getTrustManagers(), null);

        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(keystore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        wm.start();
    }

    @AfterAll
    void stopFake() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo(PATH)).withHeader("api-key", equalTo(KEY))
                .willReturn(new AzureOpenAiWireTest().ok(LlmAnswers.VALID, 812, 214)));
    }

    private AzureOpenAiLlmClient client() {
        return new AzureOpenAiLlmClient(new LlmSettings.Azure("https://localhost:" + wm.httpsPort(), KEY, DEPLOYMENT,
                "2024-10-21", true), LlmSettings.Generation.defaults(Duration.ofSeconds(5)));
    }

    /** The client as built while the JVM's default TLS context trusts the test certificate (as a real CA would be). */
    private AzureOpenAiLlmClient clientTrustingTestCertificate() throws Exception {
        SSLContext previous = SSLContext.getDefault();
        SSLContext.setDefault(trustingTestCertificate);
        try {
            return client();
        } finally {
            SSLContext.setDefault(previous);
        }
    }

    @Test
    void a_trusted_certificate_carries_the_call_and_its_key_over_tls() throws Exception {
        try (AzureOpenAiLlmClient c = clientTrustingTestCertificate()) {
            LlmReply reply = c.complete("system", "user", Duration.ofSeconds(5));
            assertEquals(LlmAnswers.VALID, reply.text());
        }
        List<LoggedRequest> seen = wm.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).getAbsoluteUrl().startsWith("https://"), seen.get(0).getAbsoluteUrl());
        assertEquals(KEY, seen.get(0).getHeader("api-key"));
    }

    @Test
    void an_untrusted_certificate_is_refused_before_the_key_leaves_and_reads_as_unavailable() {
        try (AzureOpenAiLlmClient c = client()) {
            LlmException e = assertThrows(LlmException.class,
                    () -> c.complete("system", "user", Duration.ofSeconds(5)));
            assertEquals(LlmException.Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        }
        assertEquals(0, wm.getAllServeEvents().size(), "no request reached the server: the handshake failed first");
    }
}
