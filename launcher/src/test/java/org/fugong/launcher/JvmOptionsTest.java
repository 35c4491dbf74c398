package org.fugong.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfiles start each service with the run command's JVM flags and process environment, and the
 * archive only when there is one.
 */
class JvmOptionsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // surefire runs in launcher/
    private static final Pattern ENV = Pattern.compile("ENV (JAVA_OPTS_APPEND|GC_CONTAINER_OPTIONS)=\"([^\"]*)\"");

    @Test
    void everyDockerfileSetsTheRunCommandsFlags(@TempDir Path app) throws IOException {
        Files.createFile(app.resolve("app-cds.jsa"));
        List<String> runCommand = ServiceProcess.jvmOptions(app);
        for (String module : List.of("registry-service", "supply-service", "logistics-service", "finance-service",
                "gateway")) {
            List<String> image = imageFlags(ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
            for (String flag : runCommand) {
                // In the image the archive is made where run-java.sh runs the jar, and named by that path.
                String expected = flag.replace("-XX:SharedArchiveFile=app-cds.jsa",
                        "-XX:SharedArchiveFile=/deployments/app-cds.jsa");
                assertTrue(image.contains(expected), module + "'s Dockerfile lacks " + expected + ": " + image);
            }
        }
    }

    @Test
    void everyDockerfileSetsTheRunCommandsProcessEnvironment() throws IOException {
        for (String module : List.of("registry-service", "supply-service", "logistics-service", "finance-service",
                "gateway")) {
            String dockerfile = Files.readString(ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
            ServiceProcess.PROCESS_ENVIRONMENT.forEach((name, value) -> assertTrue(
                    dockerfile.contains("\nENV " + name + "=" + value + "\n"), module + "'s Dockerfile lacks ENV " + name
                            + "=" + value));
        }
    }

    @Test
    void withoutAnArchiveTheFlagsDoNotNameOne(@TempDir Path app) {
        List<String> options = ServiceProcess.jvmOptions(app);
        assertEquals(List.of(), options.stream().filter(o -> o.contains("SharedArchiveFile")).toList());
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
    }

    private static List<String> imageFlags(Path dockerfile) throws IOException {
        String text = Files.readString(dockerfile).replace("\\\n", " ");
        List<String> flags = new ArrayList<>();
        Matcher env = ENV.matcher(text);
        while (env.find()) {
            flags.addAll(List.of(env.group(2).trim().split("\\s+")));
        }
        return flags;
    }
}
