package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/** A template name that is not valid or names no template folder. */
public final class TemplateNotFoundException extends BatchException {

    TemplateNotFoundException(String name) {
        super("template-not-found", "There is no template named '" + shown(name) + "'; GET /templates lists them");
    }

    /** Client text echoed back: control and line-breaking characters dropped, cut to 64 characters. */
    private static String shown(String name) {
        String clean = name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
