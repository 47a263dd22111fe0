package uk.nhsjob.ingest.normalise;

/**
 * Why one field of a vacancy made us reject it.
 *
 * @param field the field as the native JSON names it ({@code closingDate})
 */
public record FieldError(String field, String message) {

}
