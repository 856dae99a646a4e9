package io.sepsis.ml.data;

/**
 * One ICU stay as read from a PhysioNet .psv file: raw hourly rows in {@link io.sepsis.clinical.Field} order
 * (first {@link io.sepsis.clinical.Field#PSV_COLUMNS} columns, NaN = not measured) and the SepsisLabel per row
 * (all 0 when the file has no label column).
 */
public record Stay(String id, double[][] rows, int[] labels) {

    public int hours() {
        return rows.length;
    }

    public boolean septic() {
        for (int l : labels) {
            if (l == 1) {
                return true;
            }
        }
        return false;
    }
}
