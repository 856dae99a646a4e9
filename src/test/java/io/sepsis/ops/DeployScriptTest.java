package io.sepsis.ops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/deploy-apprunner.sh run for real against stand-ins of the aws, docker and mvn commands (no AWS account
 * here): the order and content of the calls it makes, create-then-update, both targets, and the printed URL.
 */
class DeployScriptTest {
    @TempDir
    Path tmp;
    Path log;
    Path state;
    Path bin;

    @BeforeEach
    void stubs() throws IOException {
        log = tmp.resolve("calls.log");
        state = Files.createDirectories(tmp.resolve("state"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        for (String cmd : List.of("aws", "docker", "mvn")) {
            Path target = bin.resolve(cmd);
            Files.copy(Path.of("src/test/resources/deploy-stubs", cmd), target);
            assertTrue(target.toFile().setExecutable(true));
        }
        Files.writeString(log, "");
    }

    record Run(int exit, String out, String calls) {
    }

    Run deploy(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "scripts/deploy-apprunner.sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("STUB_LOG", log.toString());
        env.put("STUB_STATE", state.toString());
        env.put("AWS_REGION", "eu-west-1");
        env.put("APPRUNNER_ECR_ACCESS_ROLE_ARN", "arn:aws:iam::123456789012:role/apprunner-ecr");
        env.put("API_KEYS_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sepsis-ews/api-keys");
        env.put("LLM_PROVIDER", "bedrock");
        env.put("BEDROCK_MODEL_ID", "anthropic.claude-test-v1:0");
        env.putAll(extraEnv);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "deploy script hung");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), out, Files.readString(log));
    }

    @Test
    void first_run_creates_repository_image_and_app_runner_service_then_a_second_run_updates_it() throws Exception {
        Run first = deploy(Map.of("STUB_DOCKER_DAEMON", "1"), "--tag", "v1");
        assertEquals(0, first.exit(), first.out());
        String registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sepsis-ews";
        assertTrue(first.calls().contains("aws ecr create-repository --repository-name sepsis-ews"), first.calls());
        assertTrue(first.calls().contains("docker build -f src/main/docker/Dockerfile.jvm -t " + registry + ":v1 -t "
                + registry + ":latest ."), first.calls());
        assertTrue(first.calls().contains("docker push " + registry + ":v1"));
        assertTrue(first.calls().contains("docker push " + registry + ":latest"));
        String create = line(first.calls(), "aws apprunner create-service");
        assertTrue(create.contains("\"ImageIdentifier\":\"" + registry + ":v1\""), create);
        assertTrue(create.contains("\"Port\":\"8000\""), create);
        assertTrue(create.contains("\"Path\":\"/health\""), create);
        assertTrue(create.contains("\"Cpu\":\"1 vCPU\"") && create.contains("\"Memory\":\"2 GB\""), create);
        assertTrue(create.contains("\"RuntimeEnvironmentSecrets\":{\"API_KEYS\":\"arn:aws:secretsmanager:"), create);
        assertTrue(create.contains("\"LLM_PROVIDER\":\"bedrock\""), create);
        assertFalse(first.calls().contains("update-service"));
        assertTrue(first.out().contains("URL: https://abc123.eu-west-1.awsapprunner.com"), first.out());

        Run second = deploy(Map.of("STUB_DOCKER_DAEMON", "1"), "--tag", "v2");
        assertEquals(0, second.exit(), second.out());
        String calls = second.calls().substring(first.calls().length());
        assertFalse(calls.contains("create-repository"), "the repository already exists");
        assertFalse(calls.contains("apprunner create-service"));
        assertTrue(line(calls, "aws apprunner update-service").contains(registry + ":v2"), calls);
    }

    @Test
    void ecs_express_mode_gets_the_same_image_health_check_and_secret_references() throws Exception {
        Run r = deploy(Map.of("STUB_DOCKER_DAEMON", "1", "ECS_EXECUTION_ROLE_ARN", "arn:aws:iam::123456789012:role/exec",
                "ECS_INFRASTRUCTURE_ROLE_ARN", "arn:aws:iam::123456789012:role/infra"), "--ecs-express", "--tag", "v3");
        assertEquals(0, r.exit(), r.out());
        String create = line(r.calls(), "aws ecs create-express-gateway-service");
        assertTrue(create.contains("--health-check-path /health"), create);
        assertTrue(create.contains("\"containerPort\":8000"), create);
        assertTrue(create.contains("\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/sepsis-ews:v3\""), create);
        assertTrue(create.contains("{\"name\":\"API_KEYS\",\"valueFrom\":\"arn:aws:secretsmanager:"), create);
        assertFalse(r.calls().contains("apprunner"), "App Runner untouched in ECS mode");
        assertTrue(r.out().contains("URL: https://se-abc.ecs.eu-west-1.on.aws"), r.out());
    }

    @Test
    void without_a_docker_daemon_the_image_is_built_and_pushed_by_jib() throws Exception {
        Run r = deploy(Map.of("STUB_DOCKER_DAEMON", "0"), "--tag", "v4");
        assertEquals(0, r.exit(), r.out());
        String mvn = line(r.calls(), "mvn -B -q -Pjib package");
        assertTrue(mvn.contains("-Dquarkus.container-image.push=true"), mvn);
        assertTrue(mvn.contains("-Dquarkus.container-image.tag=v4"), mvn);
        assertTrue(mvn.contains("-Dquarkus.container-image.additional-tags=latest"), mvn);
        // User, port, JVM flags and the default base image come from the pom's jib profile (JibImageSettingsTest),
        // not from flags that could drift from the ones scripts/image-smoke.sh proves.
        assertFalse(mvn.contains("-Dquarkus.jib."), mvn);
        assertFalse(r.calls().contains("docker build"));
    }

    @Test
    void secret_ids_for_refresh_by_the_service_and_rate_limits_are_passed_as_plain_variables() throws Exception {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sepsis-ews/api-keys";
        Run r = deploy(Map.of("STUB_DOCKER_DAEMON", "1", "API_KEYS_SECRET_ARN", "", "API_KEYS_SECRET_ID", arn,
                "SECRETS_REFRESH_INTERVAL", "2m", "RATE_LIMIT_PER_KEY_PER_MINUTE", "600"), "--tag", "v5");
        assertEquals(0, r.exit(), r.out());
        String create = line(r.calls(), "aws apprunner create-service");
        assertTrue(create.contains("\"API_KEYS_SECRET_ID\":\"" + arn + "\""), create);
        assertTrue(create.contains("\"SECRETS_REFRESH_INTERVAL\":\"2m\""), create);
        assertTrue(create.contains("\"RATE_LIMIT_PER_KEY_PER_MINUTE\":\"600\""), create);
        assertTrue(create.contains("\"RuntimeEnvironmentSecrets\":{}"), "no start-time injection: " + create);
        assertFalse(r.out().contains("fail closed"), "keys come from the secret: " + r.out());
    }

    @Test
    void the_registry_password_never_appears_on_a_command_line_or_in_the_output() throws Exception {
        for (String dry : new String[] {"--dry-run", "--tag"}) {
            Run r = dry.equals("--dry-run") ? deploy(Map.of("STUB_DOCKER_DAEMON", "0"), "--dry-run")
                    : deploy(Map.of("STUB_DOCKER_DAEMON", "0"), "--tag", "v6");
            assertEquals(0, r.exit(), r.out());
            assertFalse(r.out().contains("not-a-real-password"), r.out());
            assertFalse(r.calls().replace("aws ecr get-login-password", "").contains("password="), r.calls());
            assertFalse(r.calls().contains("not-a-real-password"), r.calls());
            if (!dry.equals("--dry-run")) {
                assertTrue(r.calls().contains("mvn saw QUARKUS_CONTAINER_IMAGE_PASSWORD=set"), r.calls());
            }
        }
    }

    @Test
    void jib_base_image_can_be_overridden() throws Exception {
        Run r = deploy(Map.of("STUB_DOCKER_DAEMON", "0", "JIB_BASE_IMAGE", "registry.example.test/jre17:1"), "--tag", "v5");
        assertEquals(0, r.exit(), r.out());
        String mvn = line(r.calls(), "mvn -B -q -Pjib package");
        assertTrue(mvn.contains("-Dquarkus.jib.base-jvm-image=registry.example.test/jre17:1"), mvn);
    }

    @Test
    void refuses_to_run_without_a_region() throws Exception {
        Run r = deploy(Map.of("AWS_REGION", ""));
        assertTrue(r.exit() != 0);
        assertTrue(r.out().contains("AWS_REGION"), r.out());
        assertEquals("", r.calls(), "nothing was called");
    }

    private static String line(String calls, String prefix) {
        return calls.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no call starting with '" + prefix + "' in:\n" + calls));
    }
}
