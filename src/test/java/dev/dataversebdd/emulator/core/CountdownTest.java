package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one count that injected faults and delays share. */
class CountdownTest {

    private final Countdown<String> countdown = new Countdown<>();

    private List<Optional<String>> count(int requests) {
        List<Optional<String>> applied = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            applied.add(countdown.next());
        }
        return applied;
    }

    @Test
    void should_let_after_requests_through_then_apply_to_times_requests() {
        // GIVEN an item for two requests after one
        countdown.add("slow", 2, 1);
        // WHEN four requests are counted THEN the second and third get it
        assertThat(count(4), contains(Optional.empty(), Optional.of("slow"), Optional.of("slow"), Optional.empty()));
        assertThat(countdown.isEmpty(), equalTo(true));
    }

    @Test
    void should_apply_items_one_after_the_other_in_the_order_they_were_added() {
        // GIVEN two items
        countdown.add("first", 1, 0);
        countdown.add("second", 1, 1);
        // WHEN three requests are counted THEN the second item's count starts after the first item is used up
        assertThat(count(3), contains(Optional.of("first"), Optional.empty(), Optional.of("second")));
    }

    @Test
    void should_forget_every_item_when_cleared() {
        // GIVEN an item
        countdown.add("fault", 3, 0);
        // WHEN the countdown is cleared THEN nothing applies any more
        countdown.clear();
        assertThat(count(2), contains(Optional.empty(), Optional.empty()));
    }
}
