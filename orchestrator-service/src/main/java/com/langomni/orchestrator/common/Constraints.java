package com.langomni.orchestrator.common;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises database constraint failures under the wrappers Hibernate Reactive puts around them. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return isUniqueViolation(failure, null);
    }

    /**
     * A unique violation of the named constraint (any unique constraint when {@code constraint} is null), as the
     * Vert.x client reports it or as Hibernate Reactive converts it (a native query's failure arrives as a
     * {@link ConstraintViolationException} over a {@link SQLException}).
     */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && (constraint == null || constraint.equals(pg.getConstraint()))) {
                return true;
            }
            if (t instanceof ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState()) && names(violation, constraint)) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && (constraint == null || String.valueOf(sql.getMessage()).contains("\"" + constraint + "\""))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean names(ConstraintViolationException violation, String constraint) {
        return constraint == null || constraint.equals(violation.getConstraintName())
                || String.valueOf(violation.getMessage()).contains("\"" + constraint + "\"");
    }
}
