package com.modecon.batch.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected strings are what Python's json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n" gives. */
class FlaskJsonTest {

    @Test
    void keysAreSortedAndNothingIsSpaced() {
        assertEquals("{\"NewBatchNumber\":7,\"message\":\"New batch created successfully\"}\n",
                FlaskJson.object(Map.of("message", "New batch created successfully", "NewBatchNumber", 7L)));
    }

    @Test
    void nonAsciiIsEscapedInLowerCaseHexWithSurrogatePairs() {
        assertEquals("{\"error\":\"Pr\\u00fcfung(0)\\u2192x \\ud83d\\ude00\"}\n",
                FlaskJson.object(Map.of("error", "Prüfung(0)→x 😀")));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedLikePython() {
        assertEquals("{\"error\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u007f\"}\n",
                FlaskJson.object(Map.of("error", "a\"b\\c\nd\te\u0001f\u007f")));
    }
}
