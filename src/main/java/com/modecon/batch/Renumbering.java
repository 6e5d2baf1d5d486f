package com.modecon.batch;

import java.util.Set;

/**
 * How the file and folder names of one batch become those of another: every {@code (from)} in a name is
 * replaced by {@code (to)}, except in the names the template itself fixes.
 *
 * <p>A fixed name is one the template holds without a {@code (0)}, such as {@code colours(10).json}: every
 * batch inherits it unchanged, so when batch 10 is cloned into batch 11 it must stay {@code colours(10).json}
 * rather than become {@code colours(11).json}, or the programs that look for it would not find it.
 *
 * @param fixedNames single names (not paths) that are never renumbered
 */
public record Renumbering(long from, long to, Set<String> fixedNames) {

    public Renumbering {
        fixedNames = Set.copyOf(fixedNames);
    }

    /** From the template: every {@code (0)} becomes {@code (to)}, nothing is fixed. */
    public static Renumbering fromTemplate(long to) {
        return new Renumbering(BatchNames.TEMPLATE, to, Set.of());
    }

    /** One file or folder name. */
    public String name(String name) {
        return fixedNames.contains(name) ? name : BatchNames.renumber(name, from, to);
    }

    /** The same renumbering without fixed names, for parts that did not come from the template. */
    public Renumbering plain() {
        return new Renumbering(from, to, Set.of());
    }

    /** A relative path with {@code /} separators; each part is renamed on its own, a trailing slash is kept. */
    public String path(String path) {
        String[] parts = path.split("/", -1);
        StringBuilder renamed = new StringBuilder(path.length() + 8);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                renamed.append('/');
            }
            renamed.append(parts[i].isEmpty() ? "" : name(parts[i]));
        }
        return renamed.toString();
    }
}
