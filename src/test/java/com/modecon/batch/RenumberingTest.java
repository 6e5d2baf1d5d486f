package com.modecon.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RenumberingTest {

    private final Renumbering tenToEleven = new Renumbering(10, 11, Set.of("colours(10).json"));

    @Test
    void namesTheTemplateFixes_stayWhenABatchWithTheSameNumberIsRenumbered() {
        assertEquals("colours(10).json", tenToEleven.name("colours(10).json"));
    }

    @Test
    void otherNames_haveTheirNumberReplaced() {
        assertEquals("PlotSpec(11).json", tenToEleven.name("PlotSpec(10).json"));
        assertEquals("notes(11)(11).txt", tenToEleven.name("notes(10)(10).txt"));
    }

    @Test
    void paths_areRenamedPartByPartWithTheTrailingSlashKept() {
        assertEquals("Inputs(11)/colours(10).json", tenToEleven.path("Inputs(10)/colours(10).json"));
        assertEquals("Inputs(11)/Deep(11)/", tenToEleven.path("Inputs(10)/Deep(10)/"));
        assertEquals("", tenToEleven.path(""));
    }

    @Test
    void fromTheTemplate_everyZeroIsReplaced() {
        assertEquals("x(7)(7).txt", Renumbering.fromTemplate(7).name("x(0)(0).txt"));
        assertEquals("data(10).csv", Renumbering.fromTemplate(7).name("data(10).csv"));
    }
}
