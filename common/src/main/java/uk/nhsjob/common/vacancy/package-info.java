@NullMarked
package uk.nhsjob.common.vacancy;

import org.jspecify.annotations.NullMarked;
