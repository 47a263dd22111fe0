@NullMarked
package uk.nhsjob.common.profile;

import org.jspecify.annotations.NullMarked;
