package com.langomni.simulator.domain;

/**
 * Probabilities of each injected fault (each in [0, 1], summing to at most 1) and where a stream breaks.
 */
public record FaultPlan(double errorRate, double hangRate, double stallRate, double crashRate, int faultAfterTokens) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 8);

    public FaultPlan {
        for (double rate : new double[] {errorRate, hangRate, stallRate, crashRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be within [0, 1]");
            }
        }
        if (errorRate + hangRate + stallRate + crashRate > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates must sum to at most 1");
        }
        if (faultAfterTokens < 0) {
            throw new IllegalArgumentException("faultAfterTokens must be >= 0");
        }
    }

    /** Picks the fault for a request from one uniform draw in [0, 1). */
    public Fault decide(double uniform) {
        double edge = errorRate;
        if (uniform < edge) {
            return Fault.ERROR;
        }
        edge += hangRate;
        if (uniform < edge) {
            return Fault.HANG;
        }
        edge += stallRate;
        if (uniform < edge) {
            return Fault.STALL;
        }
        edge += crashRate;
        return uniform < edge ? Fault.CRASH : Fault.NONE;
    }
}
