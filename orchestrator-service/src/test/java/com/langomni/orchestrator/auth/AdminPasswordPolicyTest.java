package com.langomni.orchestrator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AdminPasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "tests-Operator-passphrase", "Xk9#mQ2!vL7p", "lantern-42-meadow"})
    void reasonablePasswordsPass(String password) {
        assertNull(AuthService.passwordProblem(password, TokenClaims.ROLE_ADMIN, "admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "short-Pw1",                 // under 12 characters
            "my-Admin-password",         // contains the name, any case
            "aaaaaaaaaaaaaaaaaaa1",      // too few different characters
            "abcdefghijklmnopq",         // one kind of character
            "1234567890!!#$",            // no letters
            "Password1234!",             // a common password dressed up
            "Qwertyuiop-99"})
    void weakOnesAreRefusedWithAReason(String password) {
        assertNotNull(AuthService.passwordProblem(password, TokenClaims.ROLE_ADMIN, "admin"), password);
    }

    @Test
    void aPlayerNeedsOnlyTheLengthAndTheLimitIsInBytes() {
        assertNull(AuthService.passwordProblem("aaaaaaaa", TokenClaims.ROLE_PLAYER, "ada"));
        assertNull(AuthService.passwordProblem("ada-ada-ada", TokenClaims.ROLE_PLAYER, "ada"));
        assertEquals("at most 72 bytes", AuthService.passwordProblem("é".repeat(37), TokenClaims.ROLE_PLAYER, "ada"));
        assertEquals("at least 12 characters for an admin",
                AuthService.passwordProblem("Xk9#mQ2!vL7", TokenClaims.ROLE_ADMIN, "root"));
    }
}
