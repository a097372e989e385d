package com.langomni.orchestrator.auth;

import java.util.Locale;
import java.util.Set;

/**
 * What an admin password needs beyond the length every password needs: an admin account can do far more harm, and
 * its name is often guessable ({@code admin} by default). Kept to rules a person can follow without a generator:
 * it must not contain the account's name, must mix at least two kinds of character (lower case, upper case, digits,
 * anything else: a passphrase with spaces passes), must use at least 6 different characters, and its letters alone
 * must not spell a common password ("Password1234!" is "password" dressed up).
 */
final class AdminPasswordPolicy {

    static final int MIN_DISTINCT = 6;
    static final int MIN_KINDS = 2;

    /** The letters of the passwords guessed first, as lower case letters only. */
    private static final Set<String> COMMON = Set.of("password", "passwort", "passw", "admin", "administrator",
            "adminadmin", "root", "qwerty", "qwertz", "azerty", "qwertyuiop", "asdfghjkl", "letmein", "welcome",
            "changeme", "iloveyou", "trustno", "monkey", "dragon", "master", "secret", "abc", "abcdef", "abcdefgh",
            "test", "guest", "default", "login", "superuser", "langomni");

    private AdminPasswordPolicy() {
    }

    /** What is wrong with {@code password} for the admin {@code name}, or null; the length is checked already. */
    static String problem(String password, String name) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (name != null && !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT))) {
            return "an admin password must not contain the account's name";
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return "an admin password needs at least " + MIN_DISTINCT + " different characters";
        }
        if (kinds(password) < MIN_KINDS) {
            return "an admin password needs at least two kinds of character (lower case, upper case, digits, others)";
        }
        String letters = lower.codePoints().filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (letters.isEmpty()) {
            return "an admin password needs letters";
        }
        if (COMMON.contains(letters)) {
            return "an admin password must not be a common password with digits or symbols added";
        }
        return null;
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
