package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Versions come out byte for byte as Open Terms Archive recorded them for real snapshots. */
@Tag("unit")
class ParityTest {
    private static final Path CASES = Path.of("src/test/resources/parity");

    static Stream<Path> cases() throws Exception {
        List<Path> dirs = ParityCheck.caseDirs(CASES);
        return dirs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheVersionOpenTermsArchiveRecorded(Path dir) throws Exception {
        ParityCase parityCase = ParityCase.read(dir);

        String actual = parityCase.extract(new Extractor());

        assertEquals(parityCase.expected(), actual);
    }
}
