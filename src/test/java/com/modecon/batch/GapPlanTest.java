package com.modecon.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GapPlanTest {

    @Test
    void noBatches_plansOne() {
        assertEquals(new GapPlan(List.of(), 1), plan(Set.of(), Set.of(), 1000));
    }

    @Test
    void contiguousBatches_planTheNextOnly() {
        assertEquals(new GapPlan(List.of(), 4), plan(Set.of(1L, 2L, 3L), Set.of(), 1000));
    }

    @Test
    void gaps_areFilledAscendingBeforeTheNext() {
        assertEquals(new GapPlan(List.of(1L, 3L, 4L), 6), plan(Set.of(2L, 5L), Set.of(), 1000));
    }

    @Test
    void namesTakenByFilesOrLinks_areSkippedBelowAndAbove() {
        assertEquals(new GapPlan(List.of(1L), 5), plan(Set.of(3L), Set.of(2L, 4L), 1000));
    }

    @Test
    void takenNamesAboveTheHighestBatch_doNotCountAsBatches() {
        assertEquals(new GapPlan(List.of(), 2), plan(Set.of(1L), Set.of(9L), 1000));
    }

    @Test
    void gapsExactlyAtTheLimit_areFilled() {
        assertEquals(3, plan(Set.of(4L), Set.of(), 3).gaps().size());
    }

    @Test
    void gapsBeyondTheLimit_areRefused() {
        GapLimitExceededException error = assertThrows(GapLimitExceededException.class,
                () -> plan(Set.of(5L), Set.of(), 3));

        assertEquals("Creating the next batch would first fill 4 missing batches below Batch(5), more than the "
                + "limit of 3 (batch.max-gap-fill); remove or rename Batch(5) if it was made by mistake",
                error.getMessage());
    }

    @Test
    void hugeHighestNumber_isRefusedWithoutCountingEveryGap() {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(GapLimitExceededException.class,
                        () -> plan(Set.of(Long.MAX_VALUE), Set.of(), Integer.MAX_VALUE)));
    }

    private static GapPlan plan(Set<Long> versions, Set<Long> otherTakenNames, int limit) {
        TreeSet<Long> taken = new TreeSet<>(versions);
        taken.addAll(otherTakenNames);
        return GapPlan.of(new TreeSet<>(versions), taken, limit);
    }
}
