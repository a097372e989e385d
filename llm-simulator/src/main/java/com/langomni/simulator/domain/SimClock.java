package com.langomni.simulator.domain;

/** Monotonic time source of the engine; tests drive a fake one so nothing waits for real. */
@FunctionalInterface
public interface SimClock {
    long nanoTime();

    SimClock SYSTEM = System::nanoTime;
}
