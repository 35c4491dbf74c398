package org.fugong.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK a service runs on, and what that JDK can add to its start: from JDK 25 on, an AOT cache
 * (JEP 483/514/515: its classes kept loaded and linked, with method profiles), which starts a service
 * in about 0.7 of the time on its fast-jar (docs/benchmarks.md, "Start-up and memory").
 * <p>
 * A cache holds for the exact jars it was trained with, and each package writes {@code quarkus-run.jar}
 * anew. So a service whose cache is missing or older than its jars runs under
 * {@code -XX:AOTCacheOutput}: it trains while it serves, and the JVM writes the cache when it stops
 * cleanly. Every later start of the same build uses it. A stale cache would only be refused by the
 * JVM with a warning; it is never loaded for other jars.
 */
public record ServiceJdk(Path home, int feature) {

    /** The system property naming the JDK services run on (the run command sets it); else this JVM's. */
    public static final String HOME_PROPERTY = "fugong.service.java.home";

    /** The first JDK with the one-step AOT cache (JEP 514: {@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_FEATURE = 25;

    /** The cache's name, in the service's fast-jar directory (where it runs). */
    static final String CACHE = "app.aot";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The JDK services run on: {@link #HOME_PROPERTY} if set, else the one this JVM runs on. */
    public static ServiceJdk chosen() {
        String home = System.getProperty(HOME_PROPERTY, "");
        return home.isBlank() ? current() : at(Path.of(home));
    }

    /** The JDK this JVM runs on. */
    public static ServiceJdk current() {
        return new ServiceJdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** The JDK installed at {@code home}, its version read from its {@code release} file. */
    public static ServiceJdk at(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (!version.find()) {
                throw new IllegalArgumentException(home.resolve("release") + " names no JAVA_VERSION");
            }
            return new ServiceJdk(home, Integer.parseInt(version.group(1)));
        } catch (IOException e) {
            throw new IllegalArgumentException(home + " is not a JDK (no readable release file): " + e.getMessage(), e);
        }
    }

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    public boolean hasAotCache() {
        return feature >= AOT_CACHE_FEATURE;
    }

    /**
     * The flags a service in {@code appDir} starts with on this JDK: {@code common}, then, on a JDK with
     * the AOT cache, the cache to use or to train; on an older one, {@code older} (the class-data archive
     * that JDK made at package time, which a newer JDK would refuse).
     */
    List<String> options(Path appDir, List<String> common, List<String> older) {
        List<String> options = new ArrayList<>(common);
        if (!hasAotCache()) {
            options.addAll(older);
        } else if (cacheIsCurrent(appDir)) {
            options.add("-XX:AOTCache=" + CACHE);
        } else {
            return training(options, CACHE);
        }
        return options;
    }

    /**
     * {@code options} to train a cache written to {@code cache}: the JVM that assembles it at exit inherits
     * them, and under the metaspace cap it ran out of room for a service's classes ("Unable to allocate
     * from 'ro' region"), so training runs without the cap, once per build.
     */
    public static List<String> training(List<String> options, String cache) {
        List<String> training = new ArrayList<>(options);
        training.removeIf(option -> option.startsWith("-XX:MaxMetaspaceSize="));
        training.add("-XX:AOTCacheOutput=" + cache);
        return training;
    }

    /** Whether {@code options} train a cache, which the JVM writes when it stops (so the stop takes longer). */
    static boolean trains(List<String> options) {
        return options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    /** A cache newer than every jar the package wrote (the runner jar and the application's own). */
    static boolean cacheIsCurrent(Path appDir) {
        Path cache = appDir.resolve(CACHE);
        Path runner = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(runner)) {
            return false;
        }
        try {
            List<Path> jars = new ArrayList<>(List.of(runner));
            if (Files.isDirectory(appDir.resolve("app"))) {
                try (Stream<Path> app = Files.list(appDir.resolve("app"))) {
                    app.filter(path -> path.toString().endsWith(".jar")).forEach(jars::add);
                }
            }
            FileTime trained = Files.getLastModifiedTime(cache);
            for (Path jar : jars) {
                if (trained.compareTo(Files.getLastModifiedTime(jar)) <= 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
