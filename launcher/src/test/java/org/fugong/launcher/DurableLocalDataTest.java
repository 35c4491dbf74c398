package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fugong.devstack.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

/** The run command keeps `.fugong/` safe across a crash; tests may trade that for speed. */
class DurableLocalDataTest {

    @Test
    void theRunCommandsDatabaseSyncsEveryCommitToDisk() throws Exception {
        Path dir = Files.createTempDirectory("fugong-durable");
        try (EmbeddedDatabase database = EmbeddedDatabase.persistent(dir, freePort())) {
            assertThat(database.setting("fsync")).isEqualTo("on");
            assertThat(database.setting("synchronous_commit")).isEqualTo("on");
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theTestsThrowAwayDatabaseMaySkipIt() {
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary()) {
            assertThat(database.setting("fsync")).isEqualTo("off");
        }
    }
}
