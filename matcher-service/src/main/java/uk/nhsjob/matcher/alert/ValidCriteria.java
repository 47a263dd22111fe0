package uk.nhsjob.matcher.alert;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Criteria whose postcode is a known UK postcode and whose band range is in order; each
 * violation names its field.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CriteriaValidator.class)
@interface ValidCriteria {

	String message() default "invalid criteria";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
