package uk.nhsjob.matcher.matching;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.Coordinates;

/**
 * The index's alerts as columns of primitives, one slot per alert: a million alerts fit
 * in about a hundred bytes each, and testing one against a vacancy touches no object but
 * its keyword query. Lists of enum values become bit masks, 0 meaning "any".
 */
final class CompiledAlerts {

	static final int NO_SALARY = -1;

	private static final byte LOWEST_BAND = 0;

	private static final byte HIGHEST_BAND = (byte) (Band.values().length - 1);

	private long[] idMost = new long[0];

	private long[] idLeast = new long[0];

	int[] roleMask = new int[0];

	byte[] contractMask = new byte[0];

	byte[] employerMask = new byte[0];

	byte[] patternMask = new byte[0];

	byte[] bandLow = new byte[0];

	byte[] bandHigh = new byte[0];

	long[] specialtyMask = new long[0];

	int[] minSalary = new int[0];

	double[] latitude = new double[0];

	double[] longitude = new double[0];

	short[] radiusMiles = new short[0];

	@Nullable KeywordQuery[] keywords = new KeywordQuery[0];

	private final IntList freeSlots = new IntList();

	private int used;

	/** Stores the alert in a free slot and returns the slot. */
	int add(UUID id, Criteria criteria, @Nullable Coordinates centre) {
		int slot = freeSlots.isEmpty() ? nextSlot() : takeFreeSlot();
		this.idMost[slot] = id.getMostSignificantBits();
		this.idLeast[slot] = id.getLeastSignificantBits();
		this.roleMask[slot] = (int) maskOf(criteria.roles());
		this.contractMask[slot] = (byte) maskOf(criteria.contractTypes());
		this.employerMask[slot] = (byte) maskOf(criteria.employerTypes());
		this.patternMask[slot] = (byte) maskOf(criteria.workingPatterns());
		this.specialtyMask[slot] = maskOf(criteria.specialties());
		this.bandLow[slot] = (criteria.bandMin() != null) ? (byte) criteria.bandMin().rank() : LOWEST_BAND;
		this.bandHigh[slot] = (criteria.bandMax() != null) ? (byte) criteria.bandMax().rank() : HIGHEST_BAND;
		this.minSalary[slot] = (criteria.minSalary() != null) ? criteria.minSalary() : NO_SALARY;
		this.latitude[slot] = (centre != null) ? centre.latitude() : Double.NaN;
		this.longitude[slot] = (centre != null) ? centre.longitude() : Double.NaN;
		this.radiusMiles[slot] = (short) radiusOf(criteria);
		KeywordQuery query = KeywordQuery.parse(criteria.keywords());
		this.keywords[slot] = query.isEmpty() ? null : query;
		return slot;
	}

	void free(int slot) {
		this.keywords[slot] = null;
		this.freeSlots.add(slot);
	}

	UUID idOf(int slot) {
		return new UUID(this.idMost[slot], this.idLeast[slot]);
	}

	static int radiusOf(Criteria criteria) {
		if (criteria.postcode() == null) {
			return 0;
		}
		return (criteria.radiusMiles() != null) ? criteria.radiusMiles() : Criteria.DEFAULT_RADIUS_MILES;
	}

	static long maskOf(List<? extends Enum<?>> values) {
		long mask = 0;
		for (Enum<?> value : values) {
			mask |= 1L << value.ordinal();
		}
		return mask;
	}

	private int takeFreeSlot() {
		int slot = this.freeSlots.get(this.freeSlots.size() - 1);
		this.freeSlots.remove(slot);
		return slot;
	}

	private int nextSlot() {
		if (this.used == this.idMost.length) {
			grow(Math.max(16, this.used + (this.used >> 1)));
		}
		return this.used++;
	}

	private void grow(int capacity) {
		this.idMost = Arrays.copyOf(this.idMost, capacity);
		this.idLeast = Arrays.copyOf(this.idLeast, capacity);
		this.roleMask = Arrays.copyOf(this.roleMask, capacity);
		this.contractMask = Arrays.copyOf(this.contractMask, capacity);
		this.employerMask = Arrays.copyOf(this.employerMask, capacity);
		this.patternMask = Arrays.copyOf(this.patternMask, capacity);
		this.bandLow = Arrays.copyOf(this.bandLow, capacity);
		this.bandHigh = Arrays.copyOf(this.bandHigh, capacity);
		this.specialtyMask = Arrays.copyOf(this.specialtyMask, capacity);
		this.minSalary = Arrays.copyOf(this.minSalary, capacity);
		this.latitude = Arrays.copyOf(this.latitude, capacity);
		this.longitude = Arrays.copyOf(this.longitude, capacity);
		this.radiusMiles = Arrays.copyOf(this.radiusMiles, capacity);
		this.keywords = Arrays.copyOf(this.keywords, capacity);
	}

}
