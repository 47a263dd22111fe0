package uk.nhsjob.matcher.alert;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/** Checks what single-field constraints cannot: postcodes against the directory. */
class CriteriaValidator implements ConstraintValidator<ValidCriteria, Criteria> {

	private final PostcodeDirectory postcodes;

	CriteriaValidator(PostcodeDirectory postcodes) {
		this.postcodes = postcodes;
	}

	@Override
	public boolean isValid(Criteria criteria, ConstraintValidatorContext context) {
		context.disableDefaultConstraintViolation();
		boolean valid = true;
		if (criteria.postcode() != null && !criteria.postcode().isBlank()) {
			Optional<Postcode> postcode = Postcode.parse(criteria.postcode());
			if (postcode.isEmpty()) {
				valid = violation(context, "postcode", "must be a UK postcode such as LS6 2AB, or its first half");
			}
			else if (!this.postcodes.knowsDistrict(postcode.get().outward())) {
				valid = violation(context, "postcode", "is not a known UK postcode district");
			}
		}
		if (criteria.bandMin() != null && criteria.bandMax() != null
				&& criteria.bandMin().rank() > criteria.bandMax().rank()) {
			valid = violation(context, "bandMax", "must not be below bandMin");
		}
		return valid;
	}

	private static boolean violation(ConstraintValidatorContext context, String field, String message) {
		context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
		return false;
	}

}
