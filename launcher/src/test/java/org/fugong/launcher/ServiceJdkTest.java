package org.fugong.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK a service runs on, and when it uses, trains or leaves out an AOT cache. */
class ServiceJdkTest {

    private static final List<String> COMMON = List.of("-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m");
    private static final List<String> ARCHIVE = List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto");
    private static final Instant PACKAGED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theVersionComesFromTheJdksReleaseFile(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertEquals(25, ServiceJdk.at(home).feature());
        assertEquals(home.resolve("bin/java"), ServiceJdk.at(home).java());
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        assertEquals(17, ServiceJdk.at(home).feature());
    }

    @Test
    void aDirectoryThatIsNotAJdkIsRefusedByName(@TempDir Path notJdk) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ServiceJdk.at(notJdk));
        assertTrue(refused.getMessage().contains(notJdk.toString()), refused.getMessage());
    }

    @Test
    void withoutThePropertyServicesRunOnThisJvmsJdk() {
        String before = System.clearProperty(ServiceJdk.HOME_PROPERTY);
        try {
            assertEquals(ServiceJdk.current(), ServiceJdk.chosen());
            assertEquals(Runtime.version().feature(), ServiceJdk.chosen().feature());
        } finally {
            if (before != null) {
                System.setProperty(ServiceJdk.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void beforeJdk25TheArchiveIsUsedAndNoCache(@TempDir Path app) throws IOException {
        packaged(app);
        Files.createFile(app.resolve(ServiceJdk.CACHE));
        List<String> options = new ServiceJdk(app, 17).options(app, COMMON, ARCHIVE);
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m", "-XX:SharedArchiveFile=app-cds.jsa",
                "-Xshare:auto"), options);
        assertFalse(ServiceJdk.trains(options));
    }

    @Test
    void withoutACacheJdk25TrainsOneWithoutTheMetaspaceCap(@TempDir Path app) throws IOException {
        packaged(app);
        List<String> options = new ServiceJdk(app, 25).options(app, COMMON, ARCHIVE);
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:AOTCacheOutput=app.aot"), options);
        assertTrue(ServiceJdk.trains(options));
    }

    @Test
    void aCacheNewerThanEveryJarIsUsed(@TempDir Path app) throws IOException {
        packaged(app);
        cacheTrainedAt(app, PACKAGED.plusSeconds(60));
        List<String> options = new ServiceJdk(app, 25).options(app, COMMON, ARCHIVE);
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m", "-XX:AOTCache=app.aot"), options);
        assertFalse(ServiceJdk.trains(options));
    }

    @Test
    void aCacheOlderThanTheRunnerJarOrTheApplicationsJarIsTrainedAgain(@TempDir Path app) throws IOException {
        packaged(app);
        cacheTrainedAt(app, PACKAGED.plusSeconds(60));
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(PACKAGED.plusSeconds(120)));
        assertFalse(ServiceJdk.cacheIsCurrent(app));

        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(PACKAGED));
        assertTrue(ServiceJdk.cacheIsCurrent(app));
        Files.setLastModifiedTime(app.resolve("app/service.jar"), FileTime.from(PACKAGED.plusSeconds(120)));
        assertFalse(ServiceJdk.cacheIsCurrent(app));
        assertTrue(ServiceJdk.trains(new ServiceJdk(app, 25).options(app, COMMON, ARCHIVE)));
    }

    @Test
    void withNoPackagedJarACacheIsNotTrusted(@TempDir Path app) throws IOException {
        cacheTrainedAt(app, PACKAGED);
        assertFalse(ServiceJdk.cacheIsCurrent(app));
    }

    private static void packaged(Path app) throws IOException {
        Files.createDirectories(app.resolve("app"));
        for (Path jar : List.of(app.resolve("quarkus-run.jar"), app.resolve("app/service.jar"))) {
            Files.writeString(jar, "jar");
            Files.setLastModifiedTime(jar, FileTime.from(PACKAGED));
        }
    }

    private static void cacheTrainedAt(Path app, Instant when) throws IOException {
        Path cache = app.resolve(ServiceJdk.CACHE);
        Files.writeString(cache, "cache");
        Files.setLastModifiedTime(cache, FileTime.from(when));
    }
}
