package uk.nhsjob.ingest.normalise;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a salary says it includes a high cost area supplement or London weighting
 * ({@code £35,000 - £40,000 inc HCAS}, {@code including Outer London weighting},
 * {@code HCAS inclusive}). Such a salary is more than the pay table's, by up to a fifth,
 * so placing it in a band would put the vacancy a band or two too high; one that names
 * the supplement as separate ({@code plus HCAS}, {@code + HCAS}, {@code excluding HCAS})
 * is the table's pay and is placed as usual.
 */
final class HighCostAreaSupplements {

	/**
	 * The supplement, as adverts name it: HCAS (or HCA), London weighting or allowance.
	 */
	private static final String SUPPLEMENT = "(?:hcas?|high cost (?:of living )?areas? (?:supplements?|allowances?|payments?)"
			+ "|london (?:weighting|allowance|supplement)s?|fringe (?:allowance|supplement|weighting)s?)";

	/**
	 * Words that may stand between "including" and the supplement: its zone or amount.
	 */
	private static final String ZONE_OR_AMOUNT = "(?:(?:of|the|a|an|inner|outer|fringe|london|zone|area|\\d+|percent) ){0,6}";

	/**
	 * {@code including HCAS}, {@code HCAS inclusive}; not {@code not including HCAS}, nor
	 * {@code plus HCAS, inclusive of unsocial hours}, where the inclusion is of something
	 * else.
	 */
	private static final Pattern INCLUDED = Pattern.compile("(?<! not| does| do| without) "
			+ "(?:inc|incl|including|inclusive|includes|include|included|incorporating|incorporates) " + ZONE_OR_AMOUNT
			+ SUPPLEMENT + " " + "| " + SUPPLEMENT + " (?:inc|incl|included|inclusive) (?!of )(?!in )");

	private HighCostAreaSupplements() {
	}

	/** Whether the salary text says the supplement is part of the amounts it states. */
	static boolean included(@Nullable String salaryText) {
		return salaryText != null && INCLUDED.matcher(" " + Words.of(salaryText) + " ").find();
	}

}
