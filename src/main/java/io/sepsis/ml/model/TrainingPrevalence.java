package io.sepsis.ml.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How common sepsis was in the data the model was trained and calibrated on (set A: 2.2 % of patient-hours carry
 * the label, 8.8 % of stays become septic). The calibrated probability is a probability for a population with these
 * rates; {@link PriorShift} moves it to a site whose rate differs.
 */
public record TrainingPrevalence(@JsonProperty("hourly_label_rate") double hourlyLabelRate,
                                 @JsonProperty("septic_stay_rate") double septicStayRate,
                                 @JsonProperty("stays") int stays,
                                 @JsonProperty("hours") long hours) {

    public TrainingPrevalence {
        if (!(hourlyLabelRate > 0 && hourlyLabelRate < 1) || !(septicStayRate > 0 && septicStayRate < 1)) {
            throw new IllegalArgumentException("training prevalence rates must lie strictly between 0 and 1");
        }
    }

    /** Rates of labelled rows (hour-level) and septic stays among the given per-stay labels. */
    public static TrainingPrevalence of(int[][] labelsByStay) {
        long hours = 0;
        long positive = 0;
        int septic = 0;
        for (int[] stay : labelsByStay) {
            boolean any = false;
            for (int l : stay) {
                positive += l;
                any |= l == 1;
            }
            hours += stay.length;
            septic += any ? 1 : 0;
        }
        return new TrainingPrevalence((double) positive / hours, (double) septic / labelsByStay.length,
                labelsByStay.length, hours);
    }
}
