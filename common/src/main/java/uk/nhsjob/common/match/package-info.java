@NullMarked
package uk.nhsjob.common.match;

import org.jspecify.annotations.NullMarked;
