package com.modecon.batch;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names other programs use to find a batch on disk, and the one renaming rule applied to a template's
 * entries. Pure string work: nothing here touches the file system.
 */
public final class BatchNames {

    /** The template's number; {@code Batch(0)} is never a version and never written. */
    public static final long TEMPLATE = 0;

    /** A version is named exactly {@code Batch(n)}, n a canonical decimal of at least 1: no sign, no padding. */
    private static final Pattern VERSION = Pattern.compile("Batch\\(([1-9][0-9]*)\\)");

    private BatchNames() {
    }

    /**
     * The number of a version folder name, or empty when the name is not a version (for example
     * {@code Batch(007)}, {@code batch(4)}, {@code Batch(0)}).
     *
     * @throws BatchNumberTooLargeException when the name is a version whose number does not fit a {@code long}
     */
    public static OptionalLong versionOf(String name) {
        Matcher matcher = VERSION.matcher(name);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException tooManyDigits) {
            throw new BatchNumberTooLargeException(name);
        }
    }

    public static String batchFolder(long number) {
        return "Batch(" + number + ")";
    }

    public static String configurationFolder(long number) {
        return "ConfigurationPlotSpec(" + number + ")";
    }

    public static String resultsFolder(long number) {
        return "Results(" + number + ")";
    }

    /**
     * Replaces every occurrence of {@code (from)} in a file or folder name by {@code (to)}; other
     * parenthesised numbers stay, so {@code data(10).csv} is not touched when renaming from 0.
     */
    public static String renumber(String name, long from, long to) {
        return name.replace("(" + from + ")", "(" + to + ")");
    }
}
