package org.fugong.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which CPUs the proxies under test get, and which everything else (load generators, the database,
 * the service behind the proxies) gets, with {@code taskset} (Linux). Unsplit, all share every CPU:
 * on a small machine a proxy's added latency then includes the CPU it takes from the service
 * behind it, which a proxy on its own cores (as deployed) does not cost.
 */
final class CpuSplit {

    private final List<Integer> proxyCpus;
    private final List<Integer> otherCpus;

    private CpuSplit(List<Integer> proxyCpus, List<Integer> otherCpus) {
        this.proxyCpus = proxyCpus;
        this.otherCpus = otherCpus;
    }

    /** From a list such as "1" or "2,3"; null or blank for no split. */
    static CpuSplit from(String proxyCpus) {
        if (proxyCpus == null || proxyCpus.isBlank()) {
            return new CpuSplit(List.of(), List.of());
        }
        List<Integer> proxies = Stream.of(proxyCpus.split(",")).map(String::strip).map(Integer::valueOf).toList();
        List<Integer> others = IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed()
                .filter(cpu -> !proxies.contains(cpu)).toList();
        if (others.isEmpty()) {
            throw new IllegalArgumentException("bench.proxy-cpus=" + proxyCpus + " leaves no CPU for the rest");
        }
        return new CpuSplit(proxies, others);
    }

    boolean active() {
        return !proxyCpus.isEmpty();
    }

    /** nginx's worker count: one per proxy CPU when split, else nginx's own choice. */
    String nginxWorkers() {
        return active() ? Integer.toString(proxyCpus.size()) : "auto";
    }

    /**
     * Tells a JVM about to start how many CPUs it will have, so it sizes its collector and Quarkus
     * its event loops as it would in a container of that size (it is pinned after it started).
     */
    void sizeJvm(Map<String, String> environment, boolean proxy) {
        if (active()) {
            environment.merge("JDK_JAVA_OPTIONS", "-XX:ActiveProcessorCount=" + (proxy ? proxyCpus : otherCpus).size(),
                    (a, b) -> a + " " + b);
        }
    }

    /**
     * Pins the proxies (with their children) to the proxy CPUs, and {@code self} with every other
     * descendant (the service, and the load generators it starts later) and {@code detached}
     * processes (the database server, whose connections it forks later) to the rest.
     */
    void pin(ProcessHandle self, List<ProcessHandle> proxies, List<ProcessHandle> detached)
            throws IOException, InterruptedException {
        if (!active()) {
            return;
        }
        List<ProcessHandle> proxyTree = withDescendants(proxies.stream()).toList();
        List<ProcessHandle> rest = Stream.concat(withDescendants(Stream.of(self)).filter(p -> !proxyTree.contains(p)),
                withDescendants(detached.stream())).toList();
        for (ProcessHandle process : proxyTree) {
            taskset(process, proxyCpus);
        }
        for (ProcessHandle process : rest) {
            taskset(process, otherCpus);
        }
    }

    private static Stream<ProcessHandle> withDescendants(Stream<ProcessHandle> processes) {
        return processes.flatMap(process -> Stream.concat(Stream.of(process), process.descendants()));
    }

    private static void taskset(ProcessHandle process, List<Integer> cpus) throws IOException, InterruptedException {
        String list = cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", list, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (taskset.waitFor() != 0 && process.isAlive()) {
            throw new IllegalStateException("taskset could not pin " + process.pid() + ": " + output);
        }
    }

    @Override
    public String toString() {
        return active() ? "proxies on CPU " + proxyCpus + ", the rest on CPU " + otherCpus : "no CPU split";
    }
}
