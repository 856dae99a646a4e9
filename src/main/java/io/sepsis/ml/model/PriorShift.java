package io.sepsis.ml.model;

/**
 * Moves a calibrated probability from the training population to a site where sepsis is more or less common
 * (a prior, or label, shift): the odds are multiplied by the ratio of the site's prior odds to the training prior
 * odds (Saerens M, Latinne P, Decaestecker C. Adjusting the outputs of a classifier to new a priori probabilities.
 * Neural Comput 2002;14:21-41). The site states its share of ICU stays that become septic, which sites know from
 * surveillance; the hourly label rate follows from it at the training data's ratio of labelled hours to septic
 * stays (0.247 in set A, 0.247 in its MICU and 0.266 in its SICU stays).
 *
 * <p>Why it matters: the utility-optimal threshold on a calibrated probability barely depends on prevalence, but a
 * model calibrated where sepsis is common over-predicts where it is rare. In the Unit1 -> Unit2 shift check (10.8 %
 * vs 4.1 % septic stays) the Unit1 threshold gives a normalized utility of 0.08 on Unit2; with Unit2's stay rate
 * stated, the same threshold gives 0.348, against 0.349 for the best threshold chosen with Unit2's labels
 * (docs/model-card.md, shipped model). Ranking, and so AUROC, is unchanged: the map is monotone.
 *
 * @param oddsFactor the factor on the odds; 1 = no shift
 */
public record PriorShift(double oddsFactor, double siteHourlyRate) {
    public static final PriorShift NONE = new PriorShift(1, Double.NaN);

    /** The shift from the training population to a site with {@code siteSepticStayRate} (0-1, exclusive). */
    public static PriorShift toSite(TrainingPrevalence training, double siteSepticStayRate) {
        if (!(siteSepticStayRate > 0 && siteSepticStayRate < 1)) {
            throw new IllegalArgumentException("site septic stay rate must lie strictly between 0 and 1");
        }
        double train = training.hourlyLabelRate();
        double site = Math.min(train * siteSepticStayRate / training.septicStayRate(), 0.5);
        return new PriorShift(odds(site) / odds(train), site);
    }

    public double apply(double p) {
        if (oddsFactor == 1 || !(p > 0) || !(p < 1)) {
            return p; // exactly the calibrated value when there is no shift; 0 and 1 stay put
        }
        double o = odds(p) * oddsFactor;
        return o / (1 + o);
    }

    private static double odds(double p) {
        return p / (1 - p);
    }
}
