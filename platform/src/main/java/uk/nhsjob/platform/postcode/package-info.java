/**
 * UK postcodes: parsing, normalising, and their centroids from the shipped ONS data.
 */
@NullMarked
package uk.nhsjob.platform.postcode;

import org.jspecify.annotations.NullMarked;
