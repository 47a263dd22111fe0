@NullMarked
package uk.nhsjob.common.vocabulary;

import org.jspecify.annotations.NullMarked;
