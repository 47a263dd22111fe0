package uk.nhsjob.matcher.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * Alerts and vacancies from a seed, in one of two mixes.
 * <ul>
 * <li>{@link #edgeCases}: for comparing engines: places from real postcode sectors, most
 * of them in a few towns so that radii overlap, radii of 1 to 100 miles, alerts for any
 * role or without a postcode or with an unknown one, remote and unplaced vacancies.</li>
 * <li>{@link #realistic}: for measuring: places drawn in proportion to the postcodes of
 * each sector (so towns weigh by population), 1–3 roles, band ranges, a postcode and a
 * radius of 5 to 50 miles, patterns, specialties for 40%, a minimum salary for half,
 * keywords for 30%.</li>
 * </ul>
 */
public final class RandomWorkload {

	private static final String[] WORDS = { "audio", "typing", "cardiology", "clinic", "letters", "busy", "team",
			"consultant", "patients", "theatre", "lists", "bank", "nhs", "digital", "dictation", "medical", "records",
			"oncology", "outpatient", "friendly" };

	private static final String[] TOWN_DISTRICTS = { "LS1", "LS6", "LS11", "BD1", "HX1", "WF1", "M1", "M13", "S1",
			"YO1", "HG1", "B1", "NE1", "BS1", "EX1", "CB1", "OX1", "EC1A", "SW1A", "G1" };

	private final Random random;

	private final List<Sector> sectors;

	private final List<Sector> townSectors;

	/** Cumulative postcode counts of {@link #sectors}, for drawing by population. */
	private final long[] cumulativePostcodes;

	private final boolean realistic;

	private RandomWorkload(long seed, boolean realistic) {
		this.random = new Random(seed);
		this.realistic = realistic;
		this.sectors = readSectors();
		this.townSectors = this.sectors.stream().filter(this::inATown).toList();
		this.cumulativePostcodes = new long[this.sectors.size()];
		long total = 0;
		for (int i = 0; i < this.sectors.size(); i++) {
			total += this.sectors.get(i).postcodes();
			this.cumulativePostcodes[i] = total;
		}
	}

	public static RandomWorkload edgeCases(long seed) {
		return new RandomWorkload(seed, false);
	}

	public static RandomWorkload realistic(long seed) {
		return new RandomWorkload(seed, true);
	}

	public Criteria criteria() {
		return this.realistic ? realisticCriteria() : edgeCaseCriteria();
	}

	private Criteria realisticCriteria() {
		int low = this.random.nextInt(5);
		boolean banded = this.random.nextInt(10) < 7;
		Sector sector = sectorByPopulation();
		return new Criteria(some(Role.values(), 1 + this.random.nextInt(3)), banded ? Band.values()[low] : null,
				banded ? Band.values()[low + this.random.nextInt(3)] : null, sector.code() + "AB",
				List.of(5, 10, 10, 15, 20, 25, 30, 50).get(this.random.nextInt(8)), this.random.nextInt(5) == 0,
				this.random.nextBoolean() ? some(WorkingPattern.values(), 1 + this.random.nextInt(2)) : List.of(),
				this.random.nextInt(5) == 0 ? some(ContractType.values(), 1 + this.random.nextInt(2)) : List.of(),
				this.random.nextInt(10) < 4 ? some(Specialty.values(), 1 + this.random.nextInt(3)) : List.of(),
				this.random.nextInt(8) == 0 ? some(EmployerType.values(), 1) : List.of(),
				this.random.nextBoolean() ? 22000 + this.random.nextInt(20) * 1000 : null,
				this.random.nextInt(10) < 3 ? realisticKeywords() : null)
			.normalised();
	}

	/** A word (60%), a word and an exclusion (25%) or a quoted phrase (15%). */
	private String realisticKeywords() {
		String word = WORDS[this.random.nextInt(WORDS.length)];
		String other = WORDS[this.random.nextInt(WORDS.length)];
		int kind = this.random.nextInt(20);
		return (kind < 12) ? word : (kind < 17) ? word + " -" + other : "\"" + word + " " + other + "\"";
	}

	private Criteria edgeCaseCriteria() {
		List<Role> roles = this.random.nextInt(10) < 2 ? List.of() : some(Role.values(), 1 + this.random.nextInt(3));
		Band bandMin = null;
		Band bandMax = null;
		if (this.random.nextBoolean()) {
			int low = this.random.nextInt(5);
			bandMin = Band.values()[low];
			bandMax = Band.values()[Math.min(Band.values().length - 1, low + this.random.nextInt(3))];
		}
		String postcode = null;
		Integer radius = null;
		boolean remote = false;
		int place = this.random.nextInt(20);
		if (place < 17) {
			Sector sector = sector();
			// an outward code alone now and then, else a full postcode in the sector
			postcode = (place == 1) ? sector.district() : sector.code() + "AB";
			radius = List.of(1, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 75, 100).get(this.random.nextInt(13));
			remote = this.random.nextInt(4) == 0;
		}
		else if (place == 17) {
			// well formed, but no such district: reaches only remote work
			postcode = "ZZ9 9AB";
			radius = 10;
			remote = this.random.nextBoolean();
		}
		return new Criteria(roles, bandMin, bandMax, postcode, radius, remote,
				this.random.nextInt(3) == 0 ? some(WorkingPattern.values(), 1 + this.random.nextInt(2)) : List.of(),
				this.random.nextInt(4) == 0 ? some(ContractType.values(), 1 + this.random.nextInt(2)) : List.of(),
				this.random.nextInt(10) < 4 ? some(Specialty.values(), 1 + this.random.nextInt(3)) : List.of(),
				this.random.nextInt(6) == 0 ? some(EmployerType.values(), 1 + this.random.nextInt(2)) : List.of(),
				this.random.nextBoolean() ? 22000 + this.random.nextInt(20) * 1000 : null, keywords())
			.normalised();
	}

	public Vacancy vacancy(int number) {
		Role role = Role.values()[this.random.nextInt(Role.values().length)];
		Band band = this.random.nextInt(5) == 0 ? null : Band.values()[this.random.nextInt(7)];
		Band bandMax = (band == null || this.random.nextBoolean()) ? band
				: Band.values()[Math.min(Band.values().length - 1, band.rank() + 1)];
		Integer salaryMin = this.random.nextInt(4) == 0 ? null : 21000 + this.random.nextInt(25) * 1000;
		Integer salaryMax = (salaryMin == null || this.random.nextInt(3) == 0) ? salaryMin
				: Integer.valueOf(salaryMin + this.random.nextInt(6) * 1000);
		int place = this.random.nextInt(20);
		RemoteWorking remote = place == 0 ? RemoteWorking.REMOTE
				: place == 1 ? RemoteWorking.HYBRID : RemoteWorking.ON_SITE;
		Sector sector = (place == 2) ? null : this.realistic ? sectorByPopulation() : sector();
		return new Vacancy("bench:" + number, "bench", String.valueOf(number), 1, VacancyStatus.OPEN,
				sentence(3) + " " + role.label(), "Employer " + this.random.nextInt(50),
				EmployerType.values()[this.random.nextInt(EmployerType.values().length)], role,
				this.random.nextInt(3) == 0 ? List.of() : some(Specialty.values(), 1 + this.random.nextInt(2)), band,
				bandMax, band == null ? BandSource.NONE : BandSource.STATED, salaryMin, salaryMax,
				salaryMin == null ? null : SalaryPeriod.YEAR, false, null, 37.5,
				some(WorkingPattern.values(), 1 + this.random.nextInt(2)),
				this.random.nextInt(8) == 0 ? null : ContractType.values()[this.random.nextInt(5)],
				(sector != null) ? sector.code() + "AB" : null, null, (sector != null) ? sector.latitude() : null,
				(sector != null) ? sector.longitude() : null, remote, LocalDate.of(2026, 11, 1),
				LocalDate.of(2027, 1, 31), "https://example.org/" + number, null, sentence(12));
	}

	public String alertId() {
		return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
	}

	private String keywords() {
		return switch (this.random.nextInt(10)) {
			case 0 -> WORDS[this.random.nextInt(WORDS.length)];
			case 1 -> WORDS[this.random.nextInt(WORDS.length)] + " -" + WORDS[this.random.nextInt(WORDS.length)];
			case 2 ->
				"\"" + WORDS[this.random.nextInt(WORDS.length)] + " " + WORDS[this.random.nextInt(WORDS.length)] + "\"";
			default -> null;
		};
	}

	private String sentence(int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[this.random.nextInt(WORDS.length)]);
		}
		return text.toString();
	}

	private Sector sectorByPopulation() {
		long total = this.cumulativePostcodes[this.cumulativePostcodes.length - 1];
		long draw = (long) (this.random.nextDouble() * total);
		int at = Arrays.binarySearch(this.cumulativePostcodes, draw + 1);
		return this.sectors.get((at >= 0) ? at : -at - 1);
	}

	/**
	 * Mostly a town's sector, so that radii overlap; sometimes anywhere in Great Britain.
	 */
	private Sector sector() {
		List<Sector> from = (this.random.nextInt(4) == 0) ? this.sectors : this.townSectors;
		return from.get(this.random.nextInt(from.size()));
	}

	private boolean inATown(Sector sector) {
		for (String district : TOWN_DISTRICTS) {
			if (sector.district().equals(district)) {
				return true;
			}
		}
		return false;
	}

	private <E extends Enum<E>> List<E> some(E[] values, int count) {
		EnumSet<E> chosen = EnumSet.noneOf(values[0].getDeclaringClass());
		while (chosen.size() < Math.min(count, values.length)) {
			chosen.add(values[this.random.nextInt(values.length)]);
		}
		return new ArrayList<>(chosen);
	}

	private static List<Sector> readSectors() {
		List<Sector> sectors = new ArrayList<>();
		try (InputStream in = RandomWorkload.class.getClassLoader()
			.getResourceAsStream("postcodes/uk-postcode-sectors.csv")) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split(",");
				sectors.add(new Sector(columns[0], Double.parseDouble(columns[1]), Double.parseDouble(columns[2]),
						Integer.parseInt(columns[3])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sectors;
	}

	/** A postcode sector ("LS6 2"), its centroid and how many postcodes it holds. */
	record Sector(String code, double latitude, double longitude, int postcodes) {

		String district() {
			return this.code.substring(0, this.code.indexOf(' '));
		}

	}

}
