// Tuning as tasks: folds of each group's training rows, fewer folds or none for small groups,
// and the winner by mean fold score.
#include "plan/cv_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace groupfit {
namespace {

GroupTask group_with(std::uint32_t index, std::uint32_t train_rows) {
  GroupTask t;
  t.index = index;
  t.key = {false, "g" + std::to_string(index)};
  for (std::uint32_t r = 0; r < train_rows; ++r) t.train_rows.push_back(index * 1000 + r);
  t.valid_rows = {index * 1000 + 999};
  return t;
}

std::vector<Candidate> two_candidates() {
  return {{{"4"}, {{"max_depth", "4"}}}, {{"6"}, {{"max_depth", "6"}}}};
}

TEST(CvPlan, EveryGroupCandidateAndFoldIsATask) {
  const std::vector<GroupTask> groups = {group_with(0, 90), group_with(1, 30)};
  const CvPlan cv = plan_cv(groups, two_candidates(), 3);
  ASSERT_EQ(cv.tasks.size(), 2u * 2u * 3u);
  EXPECT_EQ(cv.folds, (std::vector<int>{3, 3}));
  for (std::size_t i = 0; i < cv.tasks.size(); ++i) {
    const GroupTask& t = cv.tasks[i];
    const GroupTask& g = groups[cv.refs[i].group];
    EXPECT_EQ(t.index, i);
    EXPECT_TRUE(t.score_only);
    EXPECT_TRUE(t.unlabeled_rows.empty());
    EXPECT_EQ(t.booster_params, two_candidates()[cv.refs[i].candidate].booster);
    // The fold validates every 3rd training row from its own offset, trains on the rest, and
    // never sees the group's validation rows.
    EXPECT_EQ(t.train_rows.size() + t.valid_rows.size(), g.train_rows.size());
    for (std::size_t k = 0; k < t.valid_rows.size(); ++k) {
      EXPECT_EQ(t.valid_rows[k], g.train_rows[k * 3 + static_cast<std::size_t>(cv.refs[i].fold)]);
    }
    std::set<std::uint32_t> seen(t.train_rows.begin(), t.train_rows.end());
    seen.insert(t.valid_rows.begin(), t.valid_rows.end());
    EXPECT_EQ(seen.count(g.valid_rows[0]), 0u);
    EXPECT_EQ(seen.size(), g.train_rows.size());
  }
}

TEST(CvPlan, SmallGroupsGetFewerFoldsOrNone) {
  GroupTask skipped = group_with(3, 500);
  skipped.skip_reason = "too few labeled rows";
  const std::vector<GroupTask> groups = {group_with(0, 25), group_with(1, 19), group_with(2, 60),
                                         skipped};
  const CvPlan cv = plan_cv(groups, two_candidates(), 5);
  EXPECT_EQ(cv.folds, (std::vector<int>{2, 0, 5, 0}));
  EXPECT_NE(cv.notes[0].find("2 folds instead of 5"), std::string::npos) << cv.notes[0];
  EXPECT_NE(cv.notes[1].find("not tuned"), std::string::npos) << cv.notes[1];
  EXPECT_EQ(cv.notes[2], "");
  EXPECT_EQ(cv.notes[3], "");  // skipped: not a tuning matter
  EXPECT_EQ(cv.tasks.size(), 2u * 2u + 2u * 5u);
}

GroupResult scored(double score, int best = 5) {
  GroupResult r;
  r.status = GroupStatus::Ok;
  r.scores = {score, 0, 0};
  r.best_iteration = best;
  return r;
}

TEST(CvPlan, TheLowestMeanWinsAndAFailedFoldDisqualifies) {
  const std::vector<GroupTask> groups = {group_with(0, 40), group_with(1, 40)};
  const CvPlan cv = plan_cv(groups, two_candidates(), 2);
  // Tasks: group 0 (cand 0: folds 0,1; cand 1: folds 0,1), then group 1 likewise.
  std::vector<GroupResult> results = {scored(1.0), scored(3.0), scored(2.5), scored(1.0),
                                      scored(2.0), scored(2.0), scored(1.0), GroupResult()};
  const TuningOutcome out = choose_candidates(cv, 2, results, 0);
  EXPECT_EQ(out.chosen[0], 1);  // mean 1.75 beats 2.0
  EXPECT_EQ(out.chosen[1], 0);  // candidate 1 failed a fold
  EXPECT_EQ(out.fold_scores[0][0], (std::vector<double>{1.0, 3.0}));
  EXPECT_TRUE(std::isnan(out.fold_scores[1][1][1]));
  EXPECT_EQ(out.fold_best_iterations[1][1][1], -1);
  // Every candidate failing leaves the run's parameters, and says so.
  results[4] = GroupResult();
  const TuningOutcome none = choose_candidates(cv, 2, results, 0);
  EXPECT_EQ(none.chosen[1], -1);
  EXPECT_NE(none.notes[1].find("every candidate failed"), std::string::npos);
}

TEST(CvPlan, TiesGoToTheEarlierCandidate) {
  const std::vector<GroupTask> groups = {group_with(0, 40)};
  const CvPlan cv = plan_cv(groups, two_candidates(), 2);
  const std::vector<GroupResult> results = {scored(1.0), scored(2.0), scored(2.0), scored(1.0)};
  EXPECT_EQ(choose_candidates(cv, 2, results, 0).chosen[0], 0);
}

}  // namespace
}  // namespace groupfit
