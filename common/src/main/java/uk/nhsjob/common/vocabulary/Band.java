package uk.nhsjob.common.vocabulary;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Agenda for Change pay bands in their order; on the wire as their label ("3", "8a").
 */
public enum Band {

	BAND_2("2"), BAND_3("3"), BAND_4("4"), BAND_5("5"), BAND_6("6"), BAND_7("7"), BAND_8A("8a"), BAND_8B("8b"),
	BAND_8C("8c"), BAND_8D("8d"), BAND_9("9");

	private final String label;

	Band(String label) {
		this.label = label;
	}

	@JsonValue
	public String label() {
		return this.label;
	}

	/** Position on the scale: band 2 is 0, band 9 is 10. */
	public int rank() {
		return ordinal();
	}

	/**
	 * The band with this label ("4", "8a", "8A").
	 * @throws IllegalArgumentException for anything else
	 */
	@JsonCreator
	public static Band fromLabel(String label) {
		String wanted = label.trim().toLowerCase(Locale.ROOT);
		for (Band band : values()) {
			if (band.label.equals(wanted)) {
				return band;
			}
		}
		throw new IllegalArgumentException("not an Agenda for Change band: " + label);
	}

	@Override
	public String toString() {
		return "Band " + this.label;
	}

}
