package com.langomni.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KnobsTest {
    /** AuthService's rule for player names. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9_-]{1,24}");

    @Test
    void onlyThisMachineIsATarget() {
        assertEquals("http://localhost:8080", Knobs.checkedBaseUrl("http://localhost:8080/"));
        assertEquals("http://127.0.0.1:18680", Knobs.checkedBaseUrl("http://127.0.0.1:18680"));
        assertEquals("http://[::1]:8080", Knobs.checkedBaseUrl("http://[::1]:8080"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedBaseUrl("http://example.com:8080"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedBaseUrl("http://10.0.0.5:8080"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedBaseUrl("https://localhost:8443"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedBaseUrl("localhost:8080"));
        assertEquals("ws://localhost:8080", Knobs.wsBaseUrl("http://localhost:8080"));
    }

    @Test
    void accountNamesFitTheApiRulesForTheLongestPrefixAndLargePools() {
        String prefix = Knobs.checkedPrefix("abcdefghijkl");
        Accounts pool = new Accounts("p", 1);
        String longest = prefix + "p-" + 999_999;
        assertTrue(API_NAME.matcher(longest).matches(), longest);
        assertTrue(API_NAME.matcher(pool.name(123_456)).matches(), pool.name(123_456));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedPrefix("abcdefghijklm"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedPrefix("no spaces"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.checkedPrefix(""));
    }
}
