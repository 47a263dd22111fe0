package uk.nhsjob.ingest.normalise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.platform.postcode.Coordinates;

/**
 * Turns a feed's raw vacancy into the normalised vacancy of docs/normalisation.md, or
 * rejects it with field-level reasons: no id, no title, a malformed postcode, an
 * unreadable or past closing date, an apply link that is not an http(s) URL.
 */
@Component
public class VacancyNormaliser {

	static final int MAX_EXTERNAL_ID_LENGTH = FieldLimits.EXTERNAL_ID_LENGTH;

	private final Postcodes postcodes;

	private final PayScale payScale;

	private final Clock clock;

	VacancyNormaliser(Postcodes postcodes, PayScale payScale, Clock clock) {
		this.postcodes = postcodes;
		this.payScale = payScale;
		this.clock = clock;
	}

	public Normalisation normalise(RawVacancy raw, VacancySource source) {
		List<FieldError> errors = new ArrayList<>(raw.problems());
		List<FieldError> overLimits = FieldLimits.check(raw);
		if (!overLimits.isEmpty()) {
			errors.addAll(overLimits);
			String externalId = overLimits.stream().anyMatch((error) -> error.field().equals("externalId")) ? null
					: externalId(raw, new ArrayList<>());
			return Normalisation.rejected(externalId, errors);
		}
		String externalId = externalId(raw, errors);
		int errorsBeforeTitle = errors.size();
		String title = FieldLimits.plainText("title", raw.title(), errors);
		if (title == null && errors.size() == errorsBeforeTitle) {
			errors.add(new FieldError("title", "is required"));
		}
		String description = FieldLimits.plainText("description", raw.description(), errors);
		Postcodes.Location location = location(raw.postcode(), source, errors);
		LocalDate postedAt = postedAt(raw.postedAt(), errors);
		LocalDate closingDate = closingDate(raw.closingDate(), errors);
		String applyUrl = applyUrl(raw.applyUrl(), errors);
		if (!errors.isEmpty() || externalId == null || title == null) {
			return Normalisation.rejected(externalId, errors);
		}
		return Normalisation
			.accepted(vacancy(raw, source, externalId, title, description, location, postedAt, closingDate, applyUrl));
	}

	private Vacancy vacancy(RawVacancy raw, VacancySource source, String externalId, String title,
			@Nullable String description, Postcodes.@Nullable Location location, @Nullable LocalDate postedAt,
			@Nullable LocalDate closingDate, @Nullable String applyUrl) {
		List<Specialty> specialties = Specialties.in(title, raw.specialty());
		Salary salary = Salaries.parse(PlainText.line(raw.salary()));
		Optional<BandRange> stated = Bands.field(raw.band())
			.or(() -> Bands.named(title))
			.or(() -> Bands.named(salary.text()));
		Optional<BandRange> bands = stated.or(() -> fromSalary(salary));
		BandSource bandSource = stated.isPresent() ? BandSource.STATED
				: bands.isPresent() ? BandSource.FROM_SALARY : BandSource.NONE;
		Hours hours = WorkingHours.parse(raw.hours(), raw.workingPattern(), title, description);
		String employerName = PlainText.line(raw.employerName());
		String town = PlainText.line(raw.town());
		Coordinates coordinates = (location != null) ? location.coordinates() : null;
		return new Vacancy(Vacancy.idOf(source.sourceId(), externalId), source.sourceId(), externalId, 0,
				VacancyStatus.OPEN, title, (employerName != null) ? employerName : source.name(), source.employerType(),
				RoleClassifier.classify(title, source.employerType(), !Specialties.in(title).isEmpty()), specialties,
				bands.map(BandRange::min).orElse(null), bands.map(BandRange::max).orElse(null), bandSource,
				salary.minAnnual(), salary.maxAnnual(), salary.period(), salary.proRata(), salary.text(),
				hours.perWeek(), hours.patterns(),
				ContractTypes.parse(raw.contractType()).or(() -> ContractTypes.parse(title)).orElse(null),
				(location != null) ? location.postcode().toString() : null, town,
				(coordinates != null) ? coordinates.latitude() : null,
				(coordinates != null) ? coordinates.longitude() : null,
				RemoteWorkings.of(raw.remote(), title, raw.town()), postedAt, closingDate, applyUrl,
				PlainText.line(raw.reference()), description);
	}

	/**
	 * The bands the pay table places a salary in; none for a salary that includes a high
	 * cost area supplement, which the table's amounts do not.
	 */
	private Optional<BandRange> fromSalary(Salary salary) {
		if (HighCostAreaSupplements.included(salary.text())) {
			return Optional.empty();
		}
		return this.payScale.bandsOf(salary.minAnnual(), salary.maxAnnual());
	}

	/** The source's own id, else its reference; at most 100 printable characters. */
	private static @Nullable String externalId(RawVacancy raw, List<FieldError> errors) {
		String id = raw.externalIdOrReference();
		if (id == null) {
			errors.add(new FieldError("externalId", "is required (or, failing that, a reference)"));
			return null;
		}
		if (id.length() > MAX_EXTERNAL_ID_LENGTH || id.codePoints().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("externalId", "must be at most 100 printable characters"));
			return null;
		}
		return id;
	}

	private Postcodes.@Nullable Location location(@Nullable String postcode, VacancySource source,
			List<FieldError> errors) {
		if (postcode == null || postcode.isBlank()) {
			try {
				return this.postcodes.resolve(source.postcode());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		try {
			return this.postcodes.resolve(postcode);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("postcode", ex.getMessage()));
			return null;
		}
	}

	/**
	 * The day the source posted it (JSON-LD {@code datePosted}, XML {@code postDate}); a
	 * day still to come is taken as today, so that no vacancy sorts above those posted
	 * today by claiming a later date. None: the publisher uses the day it first arrived.
	 */
	private @Nullable LocalDate postedAt(@Nullable String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<LocalDate> date = Dates.parse(text);
		if (date.isEmpty()) {
			errors.add(new FieldError("postedAt", "is not a date we can read; write 2026-12-31 or 31/12/2026"));
			return null;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), Dates.LONDON);
		return date.get().isAfter(today) ? today : date.get();
	}

	private @Nullable LocalDate closingDate(@Nullable String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<LocalDate> date = Dates.parse(text);
		if (date.isEmpty()) {
			errors.add(new FieldError("closingDate", "is not a date we can read; write 2026-12-31 or 31/12/2026"));
			return null;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), Dates.LONDON);
		if (date.get().isBefore(today)) {
			errors.add(new FieldError("closingDate", "is in the past: " + date.get()));
			return null;
		}
		return date.get();
	}

	private static @Nullable String applyUrl(@Nullable String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ApplyUrls.check(text);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("applyUrl", ex.getMessage()));
			return null;
		}
	}

}
