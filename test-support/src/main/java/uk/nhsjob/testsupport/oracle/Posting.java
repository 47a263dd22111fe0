package uk.nhsjob.testsupport.oracle;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * A vacancy as the matching rules see it: what its feed says, in the vocabulary of
 * docs/normalisation.md. The test that writes the feed states these facts; the oracle
 * derives only the annual pay ({@link Pay}) and the distance ({@link Centroids}).
 *
 * @param id {@code sourceId:externalId}
 * @param title the title, as plain text
 * @param description the description, as plain text
 * @param employerType the source's kind of employer
 * @param role the role, or null when the test does not say (then no alert may ask for
 * roles)
 * @param contractType the contract, if the feed states one
 * @param workingPatterns the patterns the feed states
 * @param specialties the specialties its title, department or specialty field name
 * @param bandMin the lowest band, stated or from its salary; null with no band
 * @param bandMax the highest band; null with no band
 * @param pay the top of its pay; null with no salary
 * @param postcode its postcode (its own, else its source's); null with none
 * @param remote whether it is on site, hybrid or remote
 * @param closingDate its closing date
 */
public record Posting(String id, String title, String description, EmployerType employerType, @Nullable Role role,
		@Nullable ContractType contractType, Set<WorkingPattern> workingPatterns, Set<Specialty> specialties,
		@Nullable Band bandMin, @Nullable Band bandMax, @Nullable Pay pay, @Nullable String postcode,
		RemoteWorking remote, LocalDate closingDate) {

	public Posting {
		workingPatterns = Set.copyOf(workingPatterns);
		specialties = Set.copyOf(specialties);
	}

	/** An on-site vacancy with no band, pay, contract, pattern or specialty yet. */
	public static Posting of(String id, String title, String description, EmployerType employerType, String postcode,
			LocalDate closingDate) {
		return new Posting(id, title, description, employerType, null, null, Set.of(), Set.of(), null, null, null,
				postcode, RemoteWorking.ON_SITE, closingDate);
	}

	public Posting band(Band band) {
		return bands(band, band);
	}

	public Posting bands(Band min, Band max) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				this.workingPatterns, this.specialties, min, max, this.pay, this.postcode, this.remote,
				this.closingDate);
	}

	public Posting pay(Pay pay) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				this.workingPatterns, this.specialties, this.bandMin, this.bandMax, pay, this.postcode, this.remote,
				this.closingDate);
	}

	public Posting contract(ContractType contractType) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, contractType,
				this.workingPatterns, this.specialties, this.bandMin, this.bandMax, this.pay, this.postcode,
				this.remote, this.closingDate);
	}

	public Posting specialties(Specialty... specialties) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				this.workingPatterns, Set.of(specialties), this.bandMin, this.bandMax, this.pay, this.postcode,
				this.remote, this.closingDate);
	}

	public Posting remote(RemoteWorking remote) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				this.workingPatterns, this.specialties, this.bandMin, this.bandMax, this.pay, this.postcode, remote,
				this.closingDate);
	}

	public Posting closing(LocalDate closingDate) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				this.workingPatterns, this.specialties, this.bandMin, this.bandMax, this.pay, this.postcode,
				this.remote, closingDate);
	}

	public Posting role(Role role) {
		return new Posting(this.id, this.title, this.description, this.employerType, role, this.contractType,
				this.workingPatterns, this.specialties, this.bandMin, this.bandMax, this.pay, this.postcode,
				this.remote, this.closingDate);
	}

	public Posting workingPatterns(WorkingPattern... patterns) {
		return new Posting(this.id, this.title, this.description, this.employerType, this.role, this.contractType,
				Set.copyOf(List.of(patterns)), this.specialties, this.bandMin, this.bandMax, this.pay, this.postcode,
				this.remote, this.closingDate);
	}

}
