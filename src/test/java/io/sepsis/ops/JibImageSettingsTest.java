package io.sepsis.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways the image is built must give the same image: src/main/docker/Dockerfile.jvm (with a Docker daemon) and
 * Jib (mvn -Pjib, without one), whose settings are the jib profile's properties in pom.xml. scripts/image-smoke.sh
 * runs the Jib image for real; this test keeps its settings equal to the Dockerfile's, so an edit to one side fails
 * here instead of shipping a different user, port, JVM flags or config directory.
 */
class JibImageSettingsTest {
    static Map<String, String> jib;
    static Element jibProfile;
    static Map<String, String> dockerEnv;
    static Map<String, String> docker;

    @BeforeAll
    static void read() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if ("jib".equals(child(p, "id").getTextContent().trim())) {
                jibProfile = p;
            }
        }
        assertNotNull(jibProfile, "pom.xml has no jib profile");
        jib = new HashMap<>();
        for (Node n = child(jibProfile, "properties").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                jib.put(e.getTagName(), e.getTextContent().trim());
            }
        }

        // Dockerfile instructions, continuation lines joined; the last instruction of each kind wins, as in Docker.
        String text = Files.readString(Path.of("src/main/docker/Dockerfile.jvm")).replaceAll("\\\\\\s*\\n\\s*", " ");
        docker = new HashMap<>();
        dockerEnv = new HashMap<>();
        StringBuilder copies = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] kv = l.split("\\s+", 2);
            docker.put(kv[0], kv.length > 1 ? kv[1] : "");
            if (kv[0].equals("COPY")) {
                copies.append(kv[1]).append('\n');
            }
            if (kv[0].equals("ENV")) {
                Matcher m = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)").matcher(kv[1]);
                while (m.find()) {
                    dockerEnv.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
                }
            }
        }
        docker.put("COPY", copies.toString());
    }

    @Test
    void jib_image_runs_as_the_dockerfiles_user_on_its_port_from_its_directory() {
        assertEquals(docker.get("USER"), jib.get("quarkus.jib.user"));
        assertEquals(docker.get("EXPOSE"), jib.get("quarkus.jib.ports"));
        assertEquals(dockerEnv.get("PORT"), jib.get("quarkus.jib.environment-variables.PORT"));
        assertEquals(docker.get("WORKDIR"), jib.get("quarkus.jib.working-directory"));
        assertEquals(dockerEnv.get("LANG"), jib.get("quarkus.jib.environment-variables.LANG"));
    }

    @Test
    void jib_image_has_every_environment_variable_of_the_dockerfile() {
        assertTrue(dockerEnv.containsKey("LOG_JSON"), "JSON logs for CloudWatch in the image: " + dockerEnv);
        dockerEnv.forEach((name, value) ->
                assertEquals(value, jib.get("quarkus.jib.environment-variables." + name), name));
    }

    @Test
    void jib_image_starts_java_with_the_dockerfiles_entry_point_and_jvm_flags() throws Exception {
        String[] entrypoint = new ObjectMapper().readValue(docker.get("ENTRYPOINT"), String[].class);
        assertEquals(Arrays.asList(entrypoint), List.of(jib.get("quarkus.jib.jvm-entrypoint").split(",")));
        String javaOpts = dockerEnv.get("JAVA_OPTS");
        assertTrue(javaOpts != null && javaOpts.contains("-X"), "no JAVA_OPTS in the Dockerfile: " + javaOpts);
        assertEquals(javaOpts, jib.get("quarkus.jib.environment-variables.JAVA_OPTS"));
    }

    @Test
    void jib_base_image_defaults_to_the_dockerfiles_base() {
        assertEquals(docker.get("FROM"), jib.get("quarkus.jib.base-jvm-image"));
    }

    @Test
    void jib_image_carries_the_repos_config_directory_where_the_dockerfile_puts_it() {
        assertTrue(docker.get("COPY").contains("config/ /deployments/config/"), docker.get("COPY"));
        // Jib adds src/main/jib/ to the image root: the profile copies config/ to src/main/jib/deployments/config.
        NodeList executions = jibProfile.getElementsByTagName("execution");
        boolean copied = false;
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            Element out = child(e, "configuration") == null ? null : child(child(e, "configuration"), "outputDirectory");
            if (out != null && out.getTextContent().trim().equals("${project.basedir}/src/main/jib"
                    + docker.get("WORKDIR") + "/config")) {
                copied = e.getElementsByTagName("directory").item(0).getTextContent().trim().equals("config");
            }
        }
        assertTrue(copied, "the jib profile does not copy config/ to src/main/jib/deployments/config");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
