package com.modecon.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNamesTest {

    @ParameterizedTest
    @CsvSource({"Batch(1), 1", "Batch(10), 10", "Batch(9223372036854775807), 9223372036854775807"})
    void canonicalNames_areVersions(String name, long number) {
        assertEquals(OptionalLong.of(number), BatchNames.versionOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Batch(0)", "Batch(007)", "Batch( 5)", "Batch(5 )", "Batch(-1)", "Batch(+1)",
        "batch(4)", "BATCH(4)", "Batch(x)", "BatchFoo", "Batch()", "Batch(1)x", "xBatch(1)", "Batch(1", "Batch[1]",
        "Batch(１)", ".Batch(1)"})
    void otherNames_areNotVersions(String name) {
        assertEquals(OptionalLong.empty(), BatchNames.versionOf(name));
    }

    @Test
    void numberBeyondLong_isAClearError() {
        BatchNumberTooLargeException error = assertThrows(BatchNumberTooLargeException.class,
                () -> BatchNames.versionOf("Batch(9223372036854775808)"));

        assertEquals("Batch(9223372036854775808) has a number too large for this service (the largest is "
                + "9223372036854775807); rename or remove that folder", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "x(0)(0).txt, x(7)(7).txt",
        "data(10).csv, data(10).csv",
        "U_configurations(0).py, U_configurations(7).py",
        "plain, plain",
        "(0), (7)",
        "a(00).txt, a(00).txt",
        "Deep(0)x(0), Deep(7)x(7)"})
    void renumber_replacesEveryOccurrenceOfTheExactNumber(String name, String renamed) {
        assertEquals(renamed, BatchNames.renumber(name, 0, 7));
    }

    @Test
    void renumber_betweenTwoBatches_leavesLongerNumbersAlone() {
        assertEquals("run(9)_(13).csv", BatchNames.renumber("run(3)_(13).csv", 3, 9));
    }
}
