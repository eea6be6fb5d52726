package dev.parley.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import org.junit.jupiter.api.Test;

/** The lesson's search keys become Jakarta Mail search terms, with the Java that builds them. */
class SearchCriteriaTest {

    @Test
    void theLessonsCriteriaWithOrWithoutParentheses() throws Exception {
        for (String criteria : new String[] {"FROM \"cris\"", "(FROM \"cris\")", "from cris"}) {
            SearchCriteria.Built built = SearchCriteria.parse(criteria);
            assertThat(built.term()).isInstanceOf(FromStringTerm.class);
            assertThat(((FromStringTerm) built.term()).getPattern()).isEqualTo("cris");
            assertThat(built.java()).isEqualTo("new FromStringTerm(\"cris\")");
        }
    }

    @Test
    void severalKeysMustAllMatchAndNotNegates() throws Exception {
        SearchCriteria.Built built = SearchCriteria.parse("FROM \"cris\" NOT SEEN SUBJECT \"say \\\"hi\\\"\"");
        assertThat(built.term()).isInstanceOf(AndTerm.class);
        assertThat(((AndTerm) built.term()).getTerms()[1]).isInstanceOf(NotTerm.class);
        assertThat(built.java()).contains("new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true))",
                "new SubjectTerm(\"say \\\"hi\\\"\")");
    }

    @Test
    void unknownKeysAndBrokenStringsAreExplained() {
        assertThatThrownBy(() -> SearchCriteria.parse("SINCE 1-Jan-2020")).hasMessageContaining("SINCE");
        assertThatThrownBy(() -> SearchCriteria.parse("FROM \"cris")).hasMessageContaining("closing quote");
        assertThatThrownBy(() -> SearchCriteria.parse("FROM")).hasMessageContaining("needs a string");
        assertThatThrownBy(() -> SearchCriteria.parse("  ")).hasMessageContaining("at least one");
    }
}
