package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The `ta` launcher's training run: every command in it succeeds on the shipped data (a failing one would leave the
 * launcher without its start-up cache, silently), and it leaves nothing behind.
 */
class TrainingTest {
    @Test
    void everyCommandSucceedsAndTheTemporaryFolderIsGone() throws IOException {
        List<Path> before = trainingFolders();
        Training.main(new String[] {CliTest.TTRC});
        assertEquals(before, trainingFolders());
    }

    @Test
    void aFailingCommandFailsTheTraining() {
        assertThrows(IllegalStateException.class, () -> Training.main(new String[] {"no/such/bars.csv"}));
    }

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("ta-training")).sorted().toList();
        }
    }
}
