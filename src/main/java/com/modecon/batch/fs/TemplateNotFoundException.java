package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/** A template name that is not valid or names no template folder. */
public final class TemplateNotFoundException extends BatchException {

    TemplateNotFoundException(String name) {
        super("template-not-found", "There is no template named '" + name + "'; GET /templates lists them");
    }
}
