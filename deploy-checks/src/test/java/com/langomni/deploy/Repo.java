package com.langomni.deploy;

import java.nio.file.Path;

/** The checkout the checks read: system property langomni.root (set by the pom), else the parent directory. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("langomni.root", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
