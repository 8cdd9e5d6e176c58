/**
 * Words that say nothing about what a question is about: English function words, and the
 * politeness and question scaffolding customers wrap around the subject ("can you tell me",
 * "i want to know", "please"), asking for a person ("a real human", "an agent") and venting ("annoyed",
 * "ridiculous"): none of them is what an article would be about. Clustering on what remains
 * groups questions by subject, and titles are made of subject words only.
 * Written for Baton; lowercase, apostrophes removed (as `tokenize` returns them).
 */
export const GAP_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren arent as at be because been before
  being below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each either else
  ever every few for from further get gets getting give go going got had hadnt has hasnt have havent having he her here
  hers herself him himself his how however i id if ill im in into is isnt it its itself ive just let lets like may me
  might mine more most much must my myself need needs no nor not now of off on once one only or other our ours ourselves
  out over own please pls plz really right same say shall she should shouldnt so some something still such tell than
  thank thanks that thats the their theirs them themselves then there theres these they theyre thing things this those
  through to too under until up upon us very want wanted wants was wasnt way we were werent what whats when where wheres
  whether which while who whos whom whose why will with within without wont would wouldnt yes yet you youd youll your
  youre yours yourself yourselves ok okay hi hello hey know tell show find help able possible kindly wondering wonder
  curious looking look let lemme gimme gonna wanna like would could maybe actually currently right there anybody
  someone somebody u ur r im info information question questions
  long take takes took taking better best good great new work works working come comes make makes made many lot lots
  use using used kind sort type mean means happen happens happening happened today go goes went there
  human humans person people agent agents representative rep operator staff manager supervisor real live speak speaking
  talk talking chat bot robot annoyed angry furious frustrated frustrating upset ridiculous terrible awful horrible
  unacceptable useless pathetic disgusting joke seriously wtf omg ugh hate sick tired fed enough worst`.split(/\s+/),
);
