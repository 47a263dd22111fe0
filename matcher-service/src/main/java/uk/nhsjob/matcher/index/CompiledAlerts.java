package uk.nhsjob.matcher.index;

import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.Coordinates;

/**
 * What the index keeps of each alert besides its postings, one slot per alert, in columns
 * of primitives. A match reads the alert's id and exact centre, which lie side by side in
 * {@link #core} (one cache line); the rest is read only for keywords or removal.
 */
final class CompiledAlerts {

	private static final int CORE_STRIDE = 4;

	/** Per slot: the id's two halves, then the centre's latitude and longitude bits. */
	private long[] core = new long[0];

	private int[] roleMask = new int[0];

	/** Miles; 0 for an alert without a postcode. */
	private byte[] radiusMiles = new byte[0];

	private byte[] place = new byte[0];

	/** Per slot its {@link CompiledKeywords}, or null. */
	private int[] @Nullable [] keywords = new int[0][];

	private final IntList freeSlots = new IntList();

	private int used;

	/** Stores the alert in a free slot and returns the slot. */
	int add(UUID id, Criteria criteria, @Nullable Coordinates centre, int @Nullable [] keywords) {
		int slot = this.freeSlots.isEmpty() ? nextSlot() : takeFreeSlot();
		int at = slot * CORE_STRIDE;
		this.core[at] = id.getMostSignificantBits();
		this.core[at + 1] = id.getLeastSignificantBits();
		this.core[at + 2] = Double.doubleToRawLongBits((centre != null) ? centre.latitude() : Double.NaN);
		this.core[at + 3] = Double.doubleToRawLongBits((centre != null) ? centre.longitude() : Double.NaN);
		this.roleMask[slot] = (int) AlertFilters.maskOf(criteria.roles());
		this.radiusMiles[slot] = (byte) radiusOf(criteria);
		this.place[slot] = Place.of(criteria, centre);
		this.keywords[slot] = keywords;
		return slot;
	}

	void setId(int slot, UUID id) {
		this.core[slot * CORE_STRIDE] = id.getMostSignificantBits();
		this.core[slot * CORE_STRIDE + 1] = id.getLeastSignificantBits();
	}

	void free(int slot) {
		this.keywords[slot] = null;
		this.freeSlots.add(slot);
	}

	UUID idOf(int slot) {
		return new UUID(this.core[slot * CORE_STRIDE], this.core[slot * CORE_STRIDE + 1]);
	}

	long idMostSignificantBits(int slot) {
		return this.core[slot * CORE_STRIDE];
	}

	long idLeastSignificantBits(int slot) {
		return this.core[slot * CORE_STRIDE + 1];
	}

	/** NaN when the alert has no known centre. */
	double latitude(int slot) {
		return Double.longBitsToDouble(this.core[slot * CORE_STRIDE + 2]);
	}

	double longitude(int slot) {
		return Double.longBitsToDouble(this.core[slot * CORE_STRIDE + 3]);
	}

	int roleMask(int slot) {
		return this.roleMask[slot];
	}

	int radiusMiles(int slot) {
		return this.radiusMiles[slot];
	}

	byte place(int slot) {
		return this.place[slot];
	}

	int @Nullable [] keywords(int slot) {
		return this.keywords[slot];
	}

	/** 1 to 100 miles for an alert with a postcode (docs/alerts.md), 0 without. */
	static int radiusOf(Criteria criteria) {
		if (criteria.postcode() == null) {
			return 0;
		}
		int radius = (criteria.radiusMiles() != null) ? criteria.radiusMiles() : Criteria.DEFAULT_RADIUS_MILES;
		if (radius < 1 || radius > GeoGrids.MAX_RADIUS_MILES) {
			throw new IllegalArgumentException("radius of " + radius + " miles");
		}
		return radius;
	}

	private int takeFreeSlot() {
		int slot = this.freeSlots.get(this.freeSlots.size() - 1);
		this.freeSlots.remove(slot);
		return slot;
	}

	private int nextSlot() {
		if (this.used == this.roleMask.length) {
			grow(Math.max(16, this.used + (this.used >> 2)));
		}
		return this.used++;
	}

	private void grow(int capacity) {
		this.core = Arrays.copyOf(this.core, capacity * CORE_STRIDE);
		this.roleMask = Arrays.copyOf(this.roleMask, capacity);
		this.radiusMiles = Arrays.copyOf(this.radiusMiles, capacity);
		this.place = Arrays.copyOf(this.place, capacity);
		this.keywords = Arrays.copyOf(this.keywords, capacity);
	}

	/** Where an alert reaches, as flags. */
	static final class Place {

		/** No postcode: no limit of place. */
		static final byte ANYWHERE = 0;

		/** A postcode with a known centre: vacancies within its radius. */
		static final byte AROUND_CENTRE = 1;

		/** Takes remote vacancies too (only with a postcode). */
		static final byte TAKES_REMOTE_WORK = 2;

		/**
		 * A postcode without a known centre: no located vacancy (AlertCriteria agrees).
		 */
		static final byte NOWHERE_LOCATED = 4;

		private Place() {
		}

		static byte of(Criteria criteria, @Nullable Coordinates centre) {
			if (criteria.postcode() == null) {
				return ANYWHERE;
			}
			int place = (centre != null) ? AROUND_CENTRE : NOWHERE_LOCATED;
			return (byte) (Boolean.TRUE.equals(criteria.includeRemote()) ? place | TAKES_REMOTE_WORK : place);
		}

	}

}
