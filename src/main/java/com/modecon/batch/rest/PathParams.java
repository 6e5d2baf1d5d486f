package com.modecon.batch.rest;

import com.modecon.batch.fs.TrashArea;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns path segments into numbers and ids before anything else sees them, so no client text (such as an
 * encoded {@code ../}) is ever resolved against the file system.
 */
final class PathParams {

    private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");

    private PathParams() {
    }

    /** A batch number written as a canonical decimal (0 included, so that batch 0 gets its own answer). */
    static long batchNumber(String text) {
        if (text == null || !CANONICAL_NUMBER.matcher(text).matches()) {
            throw new InvalidRequestException("'" + shown(text) + "' is not a batch number (a decimal like 7)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidRequestException("'" + shown(text) + "' is too large for a batch number");
        }
    }

    static UUID trashId(String text) {
        return TrashArea.parseId(text)
                .orElseThrow(() -> new InvalidRequestException("'" + shown(text) + "' is not a trash entry id"));
    }

    /** Client text echoed in an error, cut short and stripped of control characters. */
    private static String shown(String text) {
        String clean = String.valueOf(text).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
