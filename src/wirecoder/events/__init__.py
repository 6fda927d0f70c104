"""Events: trigger lexicon, argument rules, status, attribution, classifier, de-duplication."""
