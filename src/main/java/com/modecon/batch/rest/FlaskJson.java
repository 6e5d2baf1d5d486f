package com.modecon.batch.rest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a flat JSON object exactly as Flask's {@code jsonify} did with its defaults: keys sorted, no spaces,
 * every character outside printable ASCII escaped as Python does ({@code ensure_ascii}: lower-case
 * {@code \u00fc}, UTF-16 halves for characters beyond the BMP), and a final newline. The front end was
 * written against those bytes.
 */
final class FlaskJson {

    private FlaskJson() {
    }

    /** Values are strings or numbers. */
    static String object(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : new TreeMap<>(fields).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, field.getKey()).append(':');
            if (field.getValue() instanceof Number number) {
                json.append(number);
            } else {
                string(json, String.valueOf(field.getValue()));
            }
        }
        return json.append("}\n").toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < ' ' || c > '~') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
